package io.automark.command;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The command side on its own: takes commands over HTTP, runs executions, appends events. */
@SpringBootApplication
public class CommandSideApplication {

    /** The Spring profile that carries the command side's settings. */
    public static final String PROFILE = "command";

    public static void main(String[] args) {
        new SpringApplicationBuilder(CommandSideApplication.class)
                .profiles(PROFILE)
                .run(args);
    }
}
