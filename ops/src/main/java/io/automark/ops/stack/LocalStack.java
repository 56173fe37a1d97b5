package io.automark.ops.stack;

import io.automark.ops.CliLogging;
import io.automark.ops.mail.MailSink;
import io.automark.ops.store.EmbeddedStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.util.HashMap;
import java.util.Map;

/**
 * A running local stack: the embedded store (unless a database was named), the mail sink, and both sides in one
 * Spring context. The store starts before the context and stops after it, so that no client loses its server
 * while it shuts down.
 */
public final class LocalStack implements AutoCloseable {

    /** The database the stack uses inside the embedded store. */
    public static final String DATABASE = "automark";

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    private final EmbeddedStore store;

    private final MailSink mailSink;

    private final ConfigurableApplicationContext context;

    private LocalStack(EmbeddedStore store, MailSink mailSink, ConfigurableApplicationContext context) {
        this.store = store;
        this.mailSink = mailSink;
        this.context = context;
    }

    /** Starts everything and returns once both APIs answer. */
    public static LocalStack start(StackSettings settings) {
        AxonQuietMode.apply();
        CliLogging.handOverToSpring();
        EmbeddedStore store = settings.usesEmbeddedStore() ? EmbeddedStore.start(settings.store()) : null;
        MailSink mailSink = null;

        try {
            mailSink = MailSink.start(settings.smtpPort());
            String mongoUri = store == null ? settings.mongoUri() : store.uri(DATABASE);

            ConfigurableApplicationContext context = run(settings, mongoUri, mailSink);

            LocalStack stack = new LocalStack(store, mailSink, context);
            log.info("Local stack ready on [{}]", stack.baseUrl());
            return stack;
        } catch (RuntimeException e) {
            closeQuietly(mailSink);
            closeQuietly(store);
            throw e;
        }
    }

    /** The port both APIs answer on. */
    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public String baseUrl() {
        return "http://localhost:" + port();
    }

    public MailSink mailSink() {
        return mailSink;
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    /**
     * Closes the context, then the mail sink, then the store. Spring's own shutdown hook is off, so that this
     * order holds on Ctrl-C too: the owner of the stack calls this.
     */
    @Override
    public void close() {
        context.close();
        closeQuietly(mailSink);
        closeQuietly(store);
    }

    private static ConfigurableApplicationContext run(StackSettings settings, String mongoUri, MailSink mailSink) {
        Map<String, Object> properties = new HashMap<>(settings.properties());
        properties.put("server.port", String.valueOf(settings.httpPort()));
        properties.put("spring.data.mongodb.uri", mongoUri);
        properties.put("spring.mail.host", "localhost");
        properties.put("spring.mail.port", String.valueOf(mailSink.port()));

        return new SpringApplicationBuilder(LocalStackApplication.class)
                .main(LocalStackApplication.class)
                .profiles(LocalStackApplication.PROFILES)
                .registerShutdownHook(false)
                .listeners(overrides(properties))
                .initializers(context -> context.getBeanFactory().registerSingleton("mailSink", mailSink))
                .run(settings.args().toArray(String[]::new));
    }

    /** Puts the stack's own values ahead of every profile file, which name other defaults. */
    private static ApplicationListener<ApplicationEnvironmentPreparedEvent> overrides(Map<String, Object> values) {
        return event -> event.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource("automark-local-stack", values));
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            log.warn("Could not close [{}] cleanly", closeable, e);
        }
    }
}
