package io.automark.command.infrastructure;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.MDC;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the correlation id of the message being handled into the logging context, so that every log line of a
 * command and of the events it causes carries it ({@code logging.pattern.correlation}).
 */
@Configuration(proxyBeanMethods = false)
public class CorrelationLogging {

    static final String MDC_KEY = "correlationId";

    @Bean
    public ConfigurerModule correlationInLogs() {
        MessageHandlerInterceptor<Message<?>> interceptor = CorrelationLogging::withCorrelation;
        return configurer -> {
            configurer.onInitialize(config -> config.onStart(() ->
                    config.commandBus().registerHandlerInterceptor(interceptor::handle)));
            configurer.eventProcessing().registerDefaultHandlerInterceptor((config, name) -> interceptor::handle);
        };
    }

    private static Object withCorrelation(UnitOfWork<? extends Message<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        Object correlation = unitOfWork.getMessage().getMetaData().getOrDefault(MDC_KEY,
                unitOfWork.getMessage().getIdentifier());
        String previous = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, String.valueOf(correlation));
        try {
            return chain.proceed();
        } finally {
            if (previous == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, previous);
            }
        }
    }
}
