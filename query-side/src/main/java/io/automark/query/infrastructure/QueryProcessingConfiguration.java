package io.automark.query.infrastructure;

import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tunes the query side's pooled streaming processors beyond what Axon's Spring Boot properties offer. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QueryProcessingProperties.class)
public class QueryProcessingConfiguration {

    @Bean
    public ConfigurerModule queryProcessorSegmentClaims(QueryProcessingProperties properties) {
        return configurer -> {
            Integer maxClaimed = properties.maxClaimedSegments();
            if (maxClaimed == null) {
                return;
            }

            QueryProcessingGroups.ALL.forEach(group -> configurer.eventProcessing()
                    .registerPooledStreamingEventProcessorConfiguration(
                            group, (config, builder) -> builder.maxClaimedSegments(maxClaimed)));
        };
    }
}
