package io.automark.command.channel;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the channels' typed settings: {@code automark.providers}, {@code automark.webhook}, {@code automark.kafka}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ProviderProperties.class, WebhookProperties.class, KafkaChannelProperties.class})
public class ChannelConfiguration {
}
