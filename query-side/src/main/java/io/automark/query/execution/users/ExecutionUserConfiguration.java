package io.automark.query.execution.users;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Settings of the per-user execution details, and the schedule that sweeps expired ones. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UserDetailsProperties.class)
@EnableScheduling
public class ExecutionUserConfiguration {
}
