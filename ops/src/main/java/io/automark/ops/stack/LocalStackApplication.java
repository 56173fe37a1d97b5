package io.automark.ops.stack;

import io.automark.command.CommandSideApplication;
import io.automark.ops.mail.MailSinkController;
import io.automark.query.QuerySideApplication;
import io.automark.query.infrastructure.QueryStorageConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.FullyQualifiedAnnotationBeanNameGenerator;
import org.springframework.context.annotation.Import;

/**
 * The command side and the query side in one Spring context, both APIs on one port.
 *
 * <p>Each side's own application class is left out, and so is the query side's Axon storage wiring: the command
 * side's storage beans, of the same names, serve both. Beans are named by their full class name so that two
 * classes of the same simple name on the two sides do not collide.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ConfigurationPropertiesScan({LocalStackApplication.COMMAND_PACKAGE, LocalStackApplication.QUERY_PACKAGE})
@ComponentScan(
        basePackages = {LocalStackApplication.COMMAND_PACKAGE, LocalStackApplication.QUERY_PACKAGE},
        nameGenerator = FullyQualifiedAnnotationBeanNameGenerator.class,
        excludeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = {
                CommandSideApplication.class, QuerySideApplication.class, QueryStorageConfiguration.class}))
@Import(MailSinkController.class)
public class LocalStackApplication {

    /** The profiles the stack runs with, in order: the stack's own settings win. */
    public static final String[] PROFILES = {"command", "query", "stack"};

    static final String COMMAND_PACKAGE = "io.automark.command";

    static final String QUERY_PACKAGE = "io.automark.query";
}
