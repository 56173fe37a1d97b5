package io.automark.query.infrastructure;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.MDC;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * While a query-side processor handles an event, the event's correlation id is in the logging context, so every
 * log line of a projection names the command that caused it ({@code logging.pattern.correlation}).
 */
@Configuration(proxyBeanMethods = false)
public class QueryCorrelationLogging {

    static final String KEY = "correlationId";

    @Bean
    public ConfigurerModule queryCorrelationInLogs() {
        MessageHandlerInterceptor<Message<?>> interceptor = QueryCorrelationLogging::handleCorrelated;

        return configurer -> QueryProcessingGroups.ALL.forEach(group -> configurer.eventProcessing()
                .registerHandlerInterceptor(group, config -> interceptor::handle));
    }

    private static Object handleCorrelated(UnitOfWork<? extends Message<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        Message<?> message = unitOfWork.getMessage();
        Object correlationId = message.getMetaData().getOrDefault(KEY, message.getIdentifier());
        String outer = MDC.get(KEY);

        MDC.put(KEY, String.valueOf(correlationId));
        try {
            return chain.proceed();
        } finally {
            restore(outer);
        }
    }

    private static void restore(String outer) {
        if (outer == null) {
            MDC.remove(KEY);
        } else {
            MDC.put(KEY, outer);
        }
    }
}
