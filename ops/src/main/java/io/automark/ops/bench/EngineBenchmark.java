package io.automark.ops.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.automark.ops.bench.EngineBenchCommand.EngineSettings;
import io.automark.ops.bench.Figures.Verdict;
import io.automark.ops.demo.AutomarkClient;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The engine benchmark: the raw insert rate of the store first, then the service over the same store, an audience
 * of synthetic users imported, the engine flow published over it, and the clock stopped once every read model
 * shows the whole run. Progress goes to the given stream; the figures come back as a report.
 */
final class EngineBenchmark {

    private static final Duration HEAP_PERIOD = Duration.ofMillis(500);

    private static final Duration FAST_POLL = Duration.ofMillis(250);

    /** The user details are counted by a scan of every batch document on the embedded store: not too often. */
    private static final Duration SLOW_POLL = Duration.ofSeconds(1);

    private static final double RAW_FRACTION_TARGET = 0.5;

    private static final long HEAP_TARGET_BYTES = 512L * 1024 * 1024;

    private final EngineSettings settings;

    private final PrintStream progress;

    private final Report report;

    EngineBenchmark(EngineSettings settings, PrintStream progress) {
        this.settings = settings;
        this.progress = progress;
        this.report = new Report(String.format("Engine benchmark: %,d users, batch size %,d", settings.users(),
                settings.batchSize()));
    }

    /** Runs the benchmark; a failure is in the report, with the figures measured before it. */
    Report run() {
        report.line("machine at start: %s", Machine.load());
        report.line("logs and recordings: %s", settings.runDir());
        progress.printf("Engine benchmark: %,d users, batch size %,d, service %s; %s%n", settings.users(),
                settings.batchSize(), settings.jvm().describe(), Machine.load());

        Rig rig = new Rig(settings.runDir(), progress);
        try {
            List<String> storeJvm = new ArrayList<>(settings.storeJvm().options());
            storeJvm.addAll(profiling());
            double rawRate = rawInserts(rig.startStore(storeJvm));
            List<String> serviceJvm = new ArrayList<>(settings.jvm().options());
            serviceJvm.addAll(profiling());
            rig.startService(serviceJvm, settings.springArgs());
            Run run = new Run(rig, "bench-" + RunDirectory.stamp());
            double ourRate = run.measure();

            report.target(Figures.atLeast(Figures.fraction(ourRate, rawRate), RAW_FRACTION_TARGET),
                    "users/s at least half the raw insertMany rate: %.2f of it (%,.0f vs %,.0f /s)",
                    Figures.fraction(ourRate, rawRate), ourRate, rawRate);
            run.heapVerdict();
        } catch (RuntimeException e) {
            report.failed(e.getMessage());
            outOfMemory(rig);
            progress.println("Engine benchmark failed: " + e);
        } finally {
            rig.close();
        }

        report.line("machine at end: %s", Machine.load());
        return report;
    }

    /** With {@code --profile}, keeps deep stacks whole in the recordings; the recording starts later. */
    private List<String> profiling() {
        return settings.profile() ? List.of(ProfileSummary.STACK_DEPTH_OPTION) : List.of();
    }

    private void outOfMemory(Rig rig) {
        Optional<String> error = rig.service() == null ? Optional.empty() : rig.service().outOfMemory();
        error.ifPresent(line -> report.target(Verdict.MISS,
                "heap under 512 MB: the service ran out of heap with %s: %s", settings.jvm().describe(), line));
    }

    private double rawInserts(String storeUri) {
        progress.printf("Raw insertMany of %,d small documents in batches of %,d ...%n", settings.users(),
                RawInserts.BATCH);

        Duration elapsed = RawInserts.insert(storeUri, settings.users());

        double rate = Figures.perSecond(settings.users(), elapsed);
        report.line("raw insertMany (driver, batches of %,d, same store, before the service started): %,d docs in "
                + "%s = %,.0f docs/s", RawInserts.BATCH, settings.users(), Figures.seconds(elapsed), rate);
        progress.printf("Raw insertMany: %,.0f docs/s%n", rate);
        return rate;
    }

    /** One pass of the flow over the service the rig started. */
    private final class Run {

        private final Rig rig;

        private final String workspace;

        private final AutomarkClient client;

        private final ReadModels reads;

        private final SyntheticAudience audience = new SyntheticAudience(settings.users());

        private long flowPeakBytes = -1;

        Run(Rig rig, String workspace) {
            this.rig = rig;
            this.workspace = workspace;
            this.client = new AutomarkClient(rig.serviceUrl(), rig.serviceUrl(), workspace);
            this.reads = new ReadModels(rig.serviceUrl(), workspace);
        }

        /** Imports, publishes and follows the run; answers the users per second from publish to catch-up. */
        double measure() {
            try (HeapPeak heap = HeapPeak.start(client, HEAP_PERIOD)) {
                String audienceId = importAudience(heap);
                String campaignId = client.createCampaign(EngineFlow.body(client.json(), "Engine " + workspace,
                        audienceId)).path("id").asText();
                CpuTimes cpu = CpuTimes.start(rig);
                startProfiles();

                long publishStart = System.nanoTime();
                long version = client.publish(campaignId).path("version").asLong(1);
                String executionId = Waits.executionId(client, campaignId, version, Duration.ofMinutes(2));
                CatchUp catchUp = catchUp(new Milestones(rig, progress, heap, publishStart, settings.timeout()),
                        executionId, campaignId);

                flowPeakBytes = heap.peakBytes();
                double rate = figures(catchUp);
                cpu.report(report, "flow", catchUp.total());
                report.line("peak resident memory: service %s, store %s (store %s)",
                        mebibytes(rig.service().peakResidentBytes().orElse(-1L)),
                        mebibytes(rig.store().peakResidentBytes().orElse(-1L)), settings.storeJvm().describe());
                stopProfiles();
                return rate;
            }
        }

        /** Waits until every read model shows the whole run, one after the other. */
        private CatchUp catchUp(Milestones milestones, String executionId, String campaignId) {
            long users = settings.users();
            ExecutionDone execution = new ExecutionDone(reads, executionId, users,
                    found -> EngineFlow.problems(found, users, audience.judgedYes()));

            Duration executionDone = milestones.await("execution COMPLETED with every entered total", execution,
                    FAST_POLL);
            long generated = EngineFlow.entered(execution.last(), EngineFlow.GENERATE);
            Duration audienceListed = milestones.await("generated audience listed", () -> generatedAudience(
                    executionId, generated), FAST_POLL);
            Duration campaignSettled = milestones.await("campaign out of IN_PROGRESS", () -> settled(campaignId),
                    FAST_POLL);
            Duration total = milestones.await("user details of every user", () -> userDetails(executionId),
                    SLOW_POLL);
            return new CatchUp(execution.last(), executionDone, audienceListed, campaignSettled, total);
        }

        private Optional<String> generatedAudience(String executionId, long expectedSize) {
            for (JsonNode audience : reads.audiences()) {
                if (executionId.equals(audience.path("sourceExecutionId").asText())
                        && EngineFlow.GENERATE.equals(audience.path("sourceComponentId").asText())) {
                    long size = audience.path("size").asLong();
                    return size == expectedSize ? Optional.empty() : Optional.of(String.format(
                            "the generated audience holds %,d users, not %,d", size, expectedSize));
                }
            }
            return Optional.of("no audience generated by execution " + executionId + " listed yet");
        }

        private Optional<String> settled(String campaignId) {
            String status = reads.campaign(campaignId).path("status").asText();
            return "IN_PROGRESS".equals(status) ? Optional.of("the campaign is still IN_PROGRESS") : Optional.empty();
        }

        private Optional<String> userDetails(String executionId) {
            long users = reads.usersAt(executionId, EngineFlow.ENTRY);
            return users == settings.users() ? Optional.empty() : Optional.of(String.format(
                    "user details hold %,d of %,d users", users, settings.users()));
        }

        private String importAudience(HeapPeak heap) {
            progress.printf("Importing %,d synthetic users (CSV generated while it is sent) into workspace %s ...%n",
                    settings.users(), workspace);
            long start = System.nanoTime();

            JsonNode imported = client.importAudienceCsv("engine-bench", audience::openCsv);

            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            long size = imported.path("size").asLong();
            if (size != settings.users()) {
                throw new IllegalStateException("the service imported " + size + " of " + settings.users()
                        + " users");
            }
            report.line("import (POST …/audiences, CSV): %,d users in %s = %,.0f users/s; peak heap %s", size,
                    Figures.seconds(elapsed), Figures.perSecond(size, elapsed), mebibytes(heap.restart()));
            return imported.path("id").asText();
        }

        private double figures(CatchUp catchUp) {
            double rate = Figures.perSecond(settings.users(), catchUp.total());

            report.line("flow, from publish: execution COMPLETED with every entered total in %s, generated audience "
                            + "listed at %s, campaign settled at %s, user details complete at %s",
                    Figures.seconds(catchUp.executionDone()), Figures.seconds(catchUp.audienceListed()),
                    Figures.seconds(catchUp.campaignSettled()), Figures.seconds(catchUp.total()));
            report.line("engine: %,d users in %s = %,.0f users/s (publish until every read model caught up)",
                    settings.users(), Figures.seconds(catchUp.total()), rate);
            report.line("figures: %s", describe(catchUp.execution()));
            return rate;
        }

        void heapVerdict() {
            Optional<Long> limit = settings.jvm().limitBytes();
            String sampled = String.format("peak heap used from publish to catch-up %s (sampled every %d ms)",
                    mebibytes(flowPeakBytes), HEAP_PERIOD.toMillis());

            report.target(Figures.below(flowPeakBytes, HEAP_TARGET_BYTES), "heap under 512 MB: %s, service %s%s",
                    sampled, settings.jvm().describe(), limit.isPresent() ? " held (no OutOfMemoryError)" : "");
            if (limit.isPresent()) {
                report.note("with %s the peak cannot exceed the limit; what the run shows is that the flow completes "
                        + "within it (and the GC time it costs, see the profile)", settings.jvm().describe());
            }
        }

        private void startProfiles() {
            if (settings.profile()) {
                Profiler.start(rig.service());
                Profiler.start(rig.store());
                progress.println("Recording the service and the store with JFR");
            }
        }

        private void stopProfiles() {
            if (!settings.profile()) {
                return;
            }
            Path service = Profiler.stop(rig.service(), settings.runDir().resolve("service.jfr"));
            Path store = Profiler.stop(rig.store(), settings.runDir().resolve("store.jfr"));

            progress.println();
            ProfileSummary.of(service).print("Profile of the service (" + service + ")", 15, progress);
            ProfileSummary.of(store).print("Profile of the store (" + store + ")", 15, progress);
            report.line("profiles (JFR, publish to catch-up): %s, %s; summaries on stderr", service, store);
        }
    }

    /**
     * When each read model showed the run, from publish.
     *
     * @param execution the execution document at the end
     * @param total     when the last of them did
     */
    private record CatchUp(JsonNode execution, Duration executionDone, Duration audienceListed,
                           Duration campaignSettled, Duration total) {
    }

    private static String describe(JsonNode execution) {
        StringBuilder line = new StringBuilder();
        for (String component : List.of(EngineFlow.ENTRY, EngineFlow.JUDGMENT, EngineFlow.GROUPING, EngineFlow.TAG,
                EngineFlow.GENERATE)) {
            line.append(line.isEmpty() ? "" : "; ")
                    .append(component)
                    .append(String.format(" entered %,d", EngineFlow.entered(execution, component)));
            JsonNode branches = EngineFlow.component(execution, component).path("branches");
            if (branches.isObject()) {
                line.append(" ").append(branches);
            }
        }
        return line.toString();
    }

    static String mebibytes(long bytes) {
        return bytes < 0 ? "unknown" : String.format("%,.0f MB", Figures.mebibytes(bytes));
    }
}
