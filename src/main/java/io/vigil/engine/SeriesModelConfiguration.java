package io.vigil.engine;

import io.vigil.analytics.DefaultSeriesModelFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Supplies the analytics package's adaptive series models to the detection engine. */
@Configuration(proxyBeanMethods = false)
class SeriesModelConfiguration {

    @Bean
    SeriesModelFactoryProvider seriesModels() {
        return DefaultSeriesModelFactory::new;
    }
}
