package io.automark.ops.sides;

import io.automark.command.CommandSideApplication;
import picocli.CommandLine.Command;

/** {@code automark command-side}: the command side as its own application. */
@Command(name = "command-side", mixinStandardHelpOptions = true,
        description = {"Runs the command side alone (port 8080) against MONGODB_URI.",
                "MONGODB_URI defaults to mongodb://localhost:27017/automark, where 'automark store' listens.",
                "Unknown options (e.g. --server.port=9090) are passed to Spring."})
public class CommandSideCommand extends SideCommand {

    @Override
    void start(String[] springArgs) {
        CommandSideApplication.main(springArgs);
    }
}
