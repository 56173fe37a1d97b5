package io.automark.query.campaign;

import io.automark.query.infrastructure.QueryProcessingGroups;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The campaign read models' processing: sequenced by campaign, whatever the processor settings say. */
@Configuration(proxyBeanMethods = false)
public class CampaignQueryConfiguration {

    @Bean
    public ConfigurerModule campaignViewSequencing() {
        return configurer -> configurer.eventProcessing()
                .registerSequencingPolicy(QueryProcessingGroups.CAMPAIGNS, config -> new CampaignSequencingPolicy());
    }
}
