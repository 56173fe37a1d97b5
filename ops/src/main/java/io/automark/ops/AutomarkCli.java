package io.automark.ops;

import io.automark.ops.bench.BenchCommand;
import io.automark.ops.demo.DemoCommand;
import io.automark.ops.sides.CommandSideCommand;
import io.automark.ops.sides.QuerySideCommand;
import io.automark.ops.stack.StackCommand;
import io.automark.ops.store.StoreCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one entry point of Automark's launcher: {@code automark <command>}. */
@Command(name = "automark", mixinStandardHelpOptions = true, version = "automark 0.1.0-SNAPSHOT",
        description = "Automark: event-sourced campaigns for automatic marketing.",
        subcommands = {DemoCommand.class, StackCommand.class, StoreCommand.class, CommandSideCommand.class,
                QuerySideCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public class AutomarkCli implements Runnable {

    /** What a command returns when it leaves a server running and the JVM must not exit. */
    public static final int KEEP_RUNNING = -1;

    public static void main(String[] args) {
        CliLogging.install();

        int exitCode = new CommandLine(new AutomarkCli())
                .setExecutionExceptionHandler(AutomarkCli::reportFailure)
                .execute(args);

        if (exitCode != KEEP_RUNNING) {
            System.exit(exitCode);
        }
    }

    /** Without a command, prints the help. */
    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    private static int reportFailure(Exception e, CommandLine command, CommandLine.ParseResult parseResult) {
        System.err.println(command.getCommandName() + " failed: " + e.getMessage());
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            System.err.println("  caused by: " + cause);
        }
        return 2;
    }
}
