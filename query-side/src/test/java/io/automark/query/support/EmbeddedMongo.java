package io.automark.query.support;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the embedded MongoDB server (memory backend, random port) before the Spring context and points the
 * context at it. The server is registered as the context's first disposable bean, so it stops only after every
 * other bean, Axon's processors and the Mongo client included, has shut down.
 */
public class EmbeddedMongo implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        MongoServer server = new MongoServer(new MemoryBackend());
        String connection = server.bindAndGetConnectionString();

        TestPropertyValues.of("spring.data.mongodb.uri=" + connection + "/automark")
                .applyTo(context);
        DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
        beans.registerSingleton("embeddedMongoServer", server);
        beans.registerDisposableBean("embeddedMongoServer", server::shutdownNow);
    }
}
