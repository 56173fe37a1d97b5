package io.automark.ops.sides;

import io.automark.command.CommandSideApplication;
import io.automark.ops.AutomarkCli;
import io.automark.ops.CliLogging;
import io.automark.ops.stack.AxonQuietMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code automark command-side}: the command side as its own application. */
@Command(name = "command-side", mixinStandardHelpOptions = true,
        description = {"Runs the command side alone (port 8080) against MONGODB_URI.",
                "MONGODB_URI defaults to mongodb://localhost:27017/automark, where 'automark store' listens.",
                "Unknown options (e.g. --server.port=9090) are passed to Spring."})
public class CommandSideCommand implements Callable<Integer> {

    @Unmatched
    List<String> springArgs = new ArrayList<>();

    @Override
    public Integer call() {
        AxonQuietMode.apply();
        CliLogging.handOverToSpring();

        CommandSideApplication.main(springArgs.toArray(String[]::new));
        return AutomarkCli.KEEP_RUNNING;
    }
}
