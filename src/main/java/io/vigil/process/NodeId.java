package io.vigil.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The stable id of this service instance, reported as {@code node} when a job opens and stored with each open job.
 * It is a UUID created on first start and kept in the file {@code vigil.node.id-file}.
 */
@Component
public class NodeId {

    private static final Logger log = LoggerFactory.getLogger(NodeId.class);

    private final String id;

    NodeId(@Value("${vigil.node.id-file:data/node-id}") Path idFile) {
        this.id = readOrCreate(idFile);
    }

    public String id() {
        return id;
    }

    private static String readOrCreate(Path idFile) {
        try {
            if (Files.exists(idFile)) {
                String stored = Files.readString(idFile, StandardCharsets.UTF_8).trim();
                if (!stored.isEmpty()) {
                    return stored;
                }
            }
            String created = UUID.randomUUID().toString();
            Path parent = idFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(idFile, created + "\n", StandardCharsets.UTF_8);
            log.info(
                    "Created node id {} in {}", created, idFile.toAbsolutePath().normalize());
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Failed to read or create the node id file " + idFile
                            + "; set vigil.node.id-file to a writable path",
                    e);
        }
    }
}
