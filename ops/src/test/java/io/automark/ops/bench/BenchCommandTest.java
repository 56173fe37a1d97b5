package io.automark.ops.bench;

import io.automark.ops.AutomarkCli;
import io.automark.ops.bench.ChannelsBenchCommand.BenchChannel;
import io.automark.ops.bench.ChannelsBenchCommand.ChannelSettings;
import io.automark.ops.bench.EngineBenchCommand.EngineSettings;
import io.automark.ops.bench.WaitsBenchCommand.WaitsSettings;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchCommandTest {

    @Test
    void offersTheBenchmarksUnderTheLauncher() {
        CommandLine cli = new CommandLine(new AutomarkCli());

        assertThat(cli.getSubcommands().get("bench").getSubcommands()).containsKeys("engine", "channels", "waits");
    }

    @Test
    void runsAMillionUsersInBatchesOfAThousandUnder512MegabytesByDefault() {
        EngineSettings settings = engine("bench", "engine").settings();

        assertThat(settings.users()).isEqualTo(1_000_000);
        assertThat(settings.batchSize()).isEqualTo(1000);
        assertThat(settings.jvm().options()).contains("-Xmx512m", "-XX:+ExitOnOutOfMemoryError");
        assertThat(settings.jvm().limitBytes()).contains(512L * 1024 * 1024);
        assertThat(settings.profile()).isFalse();
        assertThat(settings.springArgs()).containsExactly("--automark.audience.chunk-size=1000");
    }

    @Test
    void takesTheUsersTheBatchSizeAndServiceOptions() {
        EngineSettings settings = engine("bench", "engine", "--users", "20000", "--batch-size", "500", "--xmx", "none",
                "--profile", "--service-option=--automark.execution.workers=4", "--timeout", "PT10M").settings();

        assertThat(settings.users()).isEqualTo(20_000);
        assertThat(settings.jvm().xmx()).isEqualTo(Optional.empty());
        assertThat(settings.jvm().options()).noneMatch(option -> option.startsWith("-Xmx"));
        assertThat(settings.profile()).isTrue();
        assertThat(settings.timeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.springArgs()).containsExactly("--automark.audience.chunk-size=500",
                "--automark.execution.workers=4");
    }

    @Test
    void refusesNoUsersAndNoBatchSizeAndAnOddHeap() {
        assertThatThrownBy(() -> engine("bench", "engine", "--users", "0").settings())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> engine("bench", "engine", "--batch-size", "0").settings())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> engine("bench", "engine", "--xmx", "plenty").settings())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sendsAHundredThousandThroughBothChannelsByDefault() {
        ChannelSettings settings = channels("bench", "channels").settings();

        assertThat(settings.sends()).isEqualTo(100_000);
        assertThat(settings.channels()).isEqualTo(Set.of(BenchChannel.WEBHOOK, BenchChannel.KAFKA));
        assertThat(settings.wrkConnections()).isEqualTo(64);
        assertThat(settings.wrkDuration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.jvm().xmx()).isEmpty();
        assertThat(settings.profile()).isFalse();
    }

    @Test
    void takesTheSendsAndOneChannel() {
        ChannelSettings settings = channels("bench", "channels", "--sends", "5000", "--channels", "WEBHOOK",
                "--profile").settings();

        assertThat(settings.sends()).isEqualTo(5000);
        assertThat(settings.channels()).containsExactly(BenchChannel.WEBHOOK);
        assertThat(settings.profile()).isTrue();
    }

    @Test
    void refusesAnUnknownChannel() {
        CommandLine cli = new CommandLine(new AutomarkCli()).setErr(new PrintWriter(new StringWriter()));

        int exitCode = cli.execute("bench", "channels", "--channels", "PIGEON");

        assertThat(exitCode).isEqualTo(CommandLine.ExitCode.USAGE);
    }

    @Test
    void parksAMillionUsersUnder512MegabytesByDefault() {
        WaitsSettings settings = waits("bench", "waits").settings();

        assertThat(settings.users()).isEqualTo(1_000_000);
        assertThat(settings.jvm().options()).contains("-Xmx512m");
        assertThat(settings.runDir().getFileName().toString()).startsWith("waits-");
    }

    @Test
    void refusesToParkNobody() {
        assertThatThrownBy(() -> waits("bench", "waits", "--users", "0").settings())
                .hasMessageContaining("--users");
    }

    private static WaitsBenchCommand waits(String... args) {
        return (WaitsBenchCommand) leaf(args).commandSpec().userObject();
    }

    private static EngineBenchCommand engine(String... args) {
        return (EngineBenchCommand) leaf(args).commandSpec().userObject();
    }

    private static ChannelsBenchCommand channels(String... args) {
        return (ChannelsBenchCommand) leaf(args).commandSpec().userObject();
    }

    private static ParseResult leaf(String... args) {
        ParseResult result = new CommandLine(new AutomarkCli()).parseArgs(args);
        while (result.hasSubcommand()) {
            result = result.subcommand();
        }
        return result;
    }
}
