package io.automark.ops.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.automark.ops.bench.ChannelsBenchCommand.BenchChannel;
import io.automark.ops.bench.ChannelsBenchCommand.ChannelSettings;
import io.automark.ops.bench.Figures.Verdict;
import io.automark.ops.demo.AutomarkClient;
import io.automark.ops.webhook.WebhookReceiver;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The channels benchmark: a webhook receiver in this process, the store, a Kafka broker and the service as child
 * processes, one audience of N users, then one execution per channel, each timed from publish until the execution
 * read model shows every send succeeded and the receiver holds them all; wrk against the same receiver after the
 * webhook run.
 */
final class ChannelsBenchmark {

    static final String TOPIC = "automark-bench";

    private static final Duration POLL = Duration.ofMillis(250);

    private static final Duration ARRIVAL_PERIOD = Duration.ofMillis(50);

    private static final double WRK_FRACTION_TARGET = 0.5;

    private final ChannelSettings settings;

    private final PrintStream progress;

    private final Report report;

    ChannelsBenchmark(ChannelSettings settings, PrintStream progress) {
        this.settings = settings;
        this.progress = progress;
        this.report = new Report(String.format("Channels benchmark: %,d sends per channel", settings.sends()));
    }

    /** Runs the benchmark; a failure is in the report, with the figures measured before it. */
    Report run() {
        report.line("machine at start: %s", Machine.load());
        report.line("logs: %s", settings.runDir());
        progress.printf("Channels benchmark: %,d sends through %s; %s%n", settings.sends(), channelNames(),
                Machine.load());

        Rig rig = new Rig(settings.runDir(), progress);
        try {
            WebhookReceiver receiver = wants(BenchChannel.WEBHOOK) ? rig.keep(WebhookReceiver.start(0)) : null;
            rig.startStore();
            Optional<String> brokers = wants(BenchChannel.KAFKA) ? startKafka(rig) : Optional.empty();
            rig.startService(serviceJvm(), springArgs(brokers));
            Sends sends = new Sends(rig, "bench-" + RunDirectory.stamp());
            String audienceId = sends.importAudience();

            if (receiver != null) {
                webhook(sends, audienceId, receiver);
            }
            if (brokers.isPresent()) {
                kafka(sends, audienceId, brokers.get());
            }
        } catch (RuntimeException e) {
            report.failed(e.getMessage());
            progress.println("Channels benchmark failed: " + e);
        } finally {
            rig.close();
        }

        report.line("machine at end: %s", Machine.load());
        return report;
    }

    private String channelNames() {
        return Arrays.stream(BenchChannel.values())
                .filter(this::wants)
                .map(Enum::name)
                .collect(Collectors.joining(" and "));
    }

    private boolean wants(BenchChannel channel) {
        return settings.channels().contains(channel);
    }

    private Optional<String> startKafka(Rig rig) {
        long start = System.nanoTime();
        try {
            Path project = KafkaBroker.projectDir(settings.projectDir());
            progress.println("Starting an embedded Kafka broker (spring-kafka-test, class path from " + project
                    + ") ...");

            String brokers = KafkaBroker.start(rig, project, TOPIC, settings.kafkaPartitions());

            progress.printf("Kafka broker ready on %s in %.1f s%n", brokers, (System.nanoTime() - start) / 1e9);
            return Optional.of(brokers);
        } catch (RuntimeException e) {
            report.target(Verdict.MISS, "KAFKA not measured: no broker could be started: %s", e.getMessage());
            progress.println("KAFKA skipped: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** With {@code --profile}, keeps deep stacks whole in the recordings; each recording starts at a publish. */
    private List<String> serviceJvm() {
        List<String> options = new ArrayList<>(settings.jvm().options());
        if (settings.profile()) {
            options.add(ProfileSummary.STACK_DEPTH_OPTION);
        }
        return options;
    }

    private List<String> springArgs(Optional<String> brokers) {
        List<String> args = new ArrayList<>();
        brokers.ifPresent(servers -> args.add("--automark.kafka.bootstrap-servers=" + servers));
        args.addAll(settings.serviceOptions());
        return args;
    }

    private void webhook(Sends sends, String audienceId, WebhookReceiver receiver) {
        String url = loopback(receiver.url());
        Measured measured = sends.measure("WEBHOOK", ChannelFlow.webhook(sends.client.json(), "Webhook "
                + sends.workspace, audienceId, url), receiver::received);
        report.line("WEBHOOK: %,d sends in %s = %,.0f sends/s (publish until the read model shows every send); "
                        + "%s at the receiver; repeated keys %,d",
                settings.sends(), Figures.seconds(measured.elapsed()), measured.perSecond(),
                measured.describeArrivals(), receiver.repeated());

        Optional<Path> wrk = Wrk.find();
        if (wrk.isEmpty()) {
            report.target(Verdict.MISS, "WEBHOOK at least half of wrk's rate: not compared, wrk is not installed "
                    + "(%s)", Wrk.INSTALL_HINT);
            return;
        }
        progress.printf("wrk: %d threads, %d connections, %d s against %s ...%n", settings.wrkThreads(),
                settings.wrkConnections(), settings.wrkDuration().toSeconds(), url);
        Wrk.Result result = Wrk.run(wrk.get(), url, settings.wrkThreads(), settings.wrkConnections(),
                settings.wrkDuration(), settings.runDir());

        report.line("wrk (POST, %d-byte JSON, %d threads, %d connections, %d s): %,.0f requests/s, %,d requests, "
                        + "%,d not 2xx%s", Wrk.BODY.length(), settings.wrkThreads(), settings.wrkConnections(),
                settings.wrkDuration().toSeconds(), result.perSecond(), result.requests(), result.notOk(),
                result.errors().map(errors -> ", socket errors: " + errors).orElse(""));
        double fraction = Figures.fraction(measured.perSecond(), result.perSecond());
        report.target(Figures.atLeast(fraction, WRK_FRACTION_TARGET),
                "WEBHOOK at least half of wrk's rate: %.2f of it (%,.0f vs %,.0f /s)", fraction,
                measured.perSecond(), result.perSecond());
        clientAlone(url, measured, result);
    }

    /** The channel's HTTP client without the engine, against the same receiver: the ceiling of the channel here. */
    private void clientAlone(String url, Measured measured, Wrk.Result wrk) {
        progress.printf("The WEBHOOK channel's HTTP client alone: %,d posts, %d at a time, against %s ...%n",
                settings.sends(), settings.wrkConnections(), url);
        ClientAlone.Result alone = ClientAlone.run(url, settings.sends(), settings.wrkConnections());

        report.line("WEBHOOK channel's HTTP client alone (in the benchmark's JVM beside the receiver, %d at a time, "
                        + "no engine): %,d posts in %s = %,.0f /s, %,d answered 2xx; %.2f of wrk's rate, and the "
                        + "engine's sends %.2f of it", settings.wrkConnections(), alone.posts(),
                Figures.seconds(alone.elapsed()), alone.perSecond(), alone.succeeded(),
                Figures.fraction(alone.perSecond(), wrk.perSecond()),
                Figures.fraction(measured.perSecond(), alone.perSecond()));
    }

    private void kafka(Sends sends, String audienceId, String brokers) {
        try (KafkaRecords records = new KafkaRecords(brokers, TOPIC)) {
            long before = records.getAsLong();
            Measured measured = sends.measure("KAFKA", ChannelFlow.kafka(sends.client.json(), "Kafka "
                    + sends.workspace, audienceId, TOPIC), executionId -> records.getAsLong() - before);

            report.line("KAFKA: %,d sends in %s = %,.0f sends/s (publish until the read model shows every send); "
                            + "%s at the broker; %,d records on topic %s",
                    settings.sends(), Figures.seconds(measured.elapsed()), measured.perSecond(),
                    measured.describeArrivals(), records.getAsLong() - before, TOPIC);
            report.note("KAFKA has no target of its own; its broker is spring-kafka-test's embedded KRaft broker "
                    + "(one node, %d partitions) in a child JVM", settings.kafkaPartitions());
        }
    }

    /** The receiver's URL with the loopback address instead of a name, so that nothing has to resolve it. */
    private static String loopback(String url) {
        URI uri = URI.create(url);
        return "http://127.0.0.1:" + uri.getPort() + uri.getPath();
    }

    /** The sends of one channel through the service, each timed on its own. */
    private final class Sends {

        private final Rig rig;

        private final String workspace;

        private final AutomarkClient client;

        private final ReadModels reads;

        Sends(Rig rig, String workspace) {
            this.rig = rig;
            this.workspace = workspace;
            this.client = new AutomarkClient(rig.serviceUrl(), rig.serviceUrl(), workspace);
            this.reads = new ReadModels(rig.serviceUrl(), workspace);
        }

        String importAudience() {
            long start = System.nanoTime();

            JsonNode imported = client.importAudienceCsv("channels-bench", new SyntheticAudience(settings.sends())
                    ::openCsv);

            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            report.line("import: %,d users in %s", imported.path("size").asLong(), Figures.seconds(elapsed));
            if (imported.path("size").asLong() != settings.sends()) {
                throw new IllegalStateException("the service imported " + imported.path("size").asLong() + " of "
                        + settings.sends() + " users");
            }
            return imported.path("id").asText();
        }

        /**
         * Publishes a campaign and waits until its execution shows every send succeeded and the receiver holds
         * them all.
         *
         * @param received how many sends of an execution the receiver got
         */
        Measured measure(String channel, ObjectNode campaign, Receiver received) {
            String campaignId = client.createCampaign(campaign).path("id").asText();
            progress.printf("%s: publishing campaign %s over %,d users ...%n", channel, campaignId, settings.sends());
            CpuTimes cpu = CpuTimes.start(rig);
            startProfiles(channel);

            long start = System.nanoTime();
            long version = client.publish(campaignId).path("version").asLong(1);
            String executionId = Waits.executionId(client, campaignId, version, Duration.ofMinutes(2));
            try (HeapPeak heap = HeapPeak.start(client, Duration.ofMillis(500));
                 Arrivals arrivals = Arrivals.watch(() -> received.count(executionId), settings.sends(),
                         ARRIVAL_PERIOD)) {
                Milestones milestones = new Milestones(rig, progress, heap, start, settings.timeout());
                milestones.await(channel + " execution COMPLETED with every send succeeded", new ExecutionDone(
                        reads, executionId, settings.sends(), found -> ChannelFlow.problems(found, settings.sends())),
                        POLL);
                Duration elapsed = milestones.await(channel + " receiver holds every send", () -> holds(
                        received.count(executionId)), POLL);

                cpu.report(report, channel, elapsed);
                report.line("%s: service heap peak %s", channel, EngineBenchmark.mebibytes(heap.peakBytes()));
                stopProfiles(channel);
                return new Measured(elapsed, Figures.perSecond(settings.sends(), elapsed), arrivals.windowNanos(),
                        settings.sends());
            }
        }

        private void startProfiles(String channel) {
            if (settings.profile()) {
                Profiler.start(rig.service());
                Profiler.start(rig.store());
                progress.println(channel + ": recording the service and the store with JFR");
            }
        }

        private void stopProfiles(String channel) {
            if (!settings.profile()) {
                return;
            }
            String prefix = channel.toLowerCase(Locale.ROOT);
            Path service = Profiler.stop(rig.service(), settings.runDir().resolve(prefix + "-service.jfr"));
            Path store = Profiler.stop(rig.store(), settings.runDir().resolve(prefix + "-store.jfr"));

            progress.println();
            ProfileSummary.of(service).print(channel + ": profile of the service (" + service + ")", 25, progress);
            ProfileSummary.of(store).print(channel + ": profile of the store (" + store + ")", 10, progress);
            report.line("%s: profiles (JFR, publish until the receiver holds every send): %s, %s; summaries on "
                    + "stderr", channel, service, store);
        }

        private Optional<String> holds(long count) {
            return count == settings.sends() ? Optional.empty() : Optional.of(String.format(
                    "the receiver holds %,d of %,d", count, settings.sends()));
        }
    }

    /** How many sends of one execution a receiver got. */
    @FunctionalInterface
    private interface Receiver {

        long count(String executionId);
    }

    /**
     * One channel's timing.
     *
     * @param arrivals first to last arrival at the receiver, in nanoseconds; empty when too short to tell
     */
    private record Measured(Duration elapsed, double perSecond, OptionalLong arrivals, long sends) {

        String describeArrivals() {
            if (arrivals.isEmpty()) {
                return "first to last arrival too short to time";
            }
            Duration span = Duration.ofNanos(arrivals.getAsLong());
            return String.format("first to last arrival %s = %,.0f /s", Figures.seconds(span),
                    Figures.perSecond(sends, span));
        }
    }
}
