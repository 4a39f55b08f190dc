# Builds Vigil with the Maven wrapper and runs it on a JRE. The service binds 0.0.0.0 inside the container,
# so the published port is reachable; it expects SPRING_DATASOURCE_* to point at a PostgreSQL server.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q -DskipTests -Dspotless.check.skip=true package && cp target/vigil-*.jar /vigil.jar

FROM eclipse-temurin:17-jre
COPY --from=build /vigil.jar /opt/vigil/vigil.jar
ENV SERVER_ADDRESS=0.0.0.0 \
    SERVER_PORT=8080
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/opt/vigil/vigil.jar"]
