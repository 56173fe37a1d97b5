package io.automark.ops.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code automark bench}: the load drivers, each against a store and a service it starts itself. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Runs a benchmark and prints its figures against the targets.",
                "Each benchmark starts the embedded store's memory backend (automark store --memory) and the service "
                        + "(automark stack with MONGODB_URI naming that store) as child processes on loopback "
                        + "addresses, and stops them at the end. Progress goes to stderr, figures to stdout; the "
                        + "children's logs to <data-dir>/bench/<run>/."},
        subcommands = {EngineBenchCommand.class, ChannelsBenchCommand.class, WaitsBenchCommand.class})
public class BenchCommand implements Runnable {

    @Spec
    CommandLine.Model.CommandSpec spec;

    /** Without a benchmark, prints the help. */
    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
