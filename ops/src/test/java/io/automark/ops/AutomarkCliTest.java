package io.automark.ops;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class AutomarkCliTest {

    @Test
    void offersEveryCommandOfTheLauncher() {
        CommandLine cli = new CommandLine(new AutomarkCli());

        assertThat(cli.getSubcommands()).containsKeys("demo", "stack", "store", "command-side", "query-side");
    }

    @Test
    void listsTheCommandsInItsHelp() {
        StringWriter help = new StringWriter();
        CommandLine cli = new CommandLine(new AutomarkCli()).setOut(new PrintWriter(help));

        int exitCode = cli.execute("--help");

        assertThat(exitCode).isZero();
        assertThat(help.toString()).contains("demo", "stack", "store", "command-side", "query-side");
    }

    @Test
    void refusesAnUnknownOptionOfTheDemo() {
        CommandLine cli = new CommandLine(new AutomarkCli()).setErr(new PrintWriter(new StringWriter()));

        int exitCode = cli.execute("demo", "--no-such-option");

        assertThat(exitCode).isEqualTo(CommandLine.ExitCode.USAGE);
    }
}
