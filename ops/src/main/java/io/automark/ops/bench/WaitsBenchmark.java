package io.automark.ops.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import io.automark.ops.bench.WaitsBenchCommand.WaitsSettings;
import io.automark.ops.demo.AutomarkClient;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;

/**
 * The waits benchmark: N synthetic users enter a campaign whose WAIT_UNTIL holds them far longer than the run, so
 * that all N wait at once; then the execution is stopped, which ends every wait. It shows what N waiting users cost:
 * the store's documents and memory, against the service's threads and heap, which must not grow with N.
 */
final class WaitsBenchmark {

    private static final Duration POLL = Duration.ofMillis(500);

    private static final Duration HEAP_PERIOD = Duration.ofMillis(500);

    private static final Duration WAIT = Duration.ofDays(1);

    /** Threads the service may add while users wait: its pools start lazily, none of them per user. */
    private static final long SPARE_THREADS = 32;

    private static final long HEAP_TARGET_BYTES = 512L * 1024 * 1024;

    private final WaitsSettings settings;

    private final PrintStream progress;

    private final Report report;

    WaitsBenchmark(WaitsSettings settings, PrintStream progress) {
        this.settings = settings;
        this.progress = progress;
        this.report = new Report(String.format("Waits benchmark: %,d users waiting at once", settings.users()));
    }

    /** Runs the benchmark; a failure is in the report, with the figures measured before it. */
    Report run() {
        report.line("machine at start: %s", Machine.load());
        report.line("logs: %s", settings.runDir());
        progress.printf("Waits benchmark: %,d users, service %s; %s%n", settings.users(), settings.jvm().describe(),
                Machine.load());

        Rig rig = new Rig(settings.runDir(), progress);
        try {
            String storeUri = rig.startStore(settings.storeJvm().options());
            rig.startService(settings.jvm().options(), settings.serviceOptions());
            new Run(rig, storeUri, "bench-" + RunDirectory.stamp()).measure();
        } catch (RuntimeException e) {
            report.failed(e.getMessage());
            progress.println("Waits benchmark failed: " + e);
        } finally {
            rig.close();
        }

        report.line("machine at end: %s", Machine.load());
        return report;
    }

    /** One campaign over the service the rig started. */
    private final class Run {

        private final Rig rig;

        private final String storeUri;

        private final String workspace;

        private final AutomarkClient client;

        private final ReadModels reads;

        Run(Rig rig, String storeUri, String workspace) {
            this.rig = rig;
            this.storeUri = storeUri;
            this.workspace = workspace;
            this.client = new AutomarkClient(rig.serviceUrl(), rig.serviceUrl(), workspace);
            this.reads = new ReadModels(rig.serviceUrl(), workspace);
        }

        void measure() {
            String audienceId = importAudience();
            String campaignId = client.createCampaign(WaitFlow.body(client.json(), "Waits " + workspace, audienceId,
                    WAIT)).path("id").asText();
            long threadsBefore = threads();

            try (HeapPeak heap = HeapPeak.start(client, HEAP_PERIOD)) {
                CpuTimes cpu = CpuTimes.start(rig);
                long start = System.nanoTime();
                long version = client.publish(campaignId).path("version").asLong(1);
                String executionId = Waits.executionId(client, campaignId, version, Duration.ofMinutes(2));
                Milestones milestones = new Milestones(rig, progress, heap, start, settings.timeout());

                Duration parked = milestones.await("every user waiting", () -> allWaiting(executionId), POLL);
                long threadsWaiting = threads();
                cpu.report(report, "parking", parked);
                report.line("parking: %,d users waiting in %s = %,.0f users/s (publish until the execution shows "
                        + "every user waiting)", settings.users(), Figures.seconds(parked),
                        Figures.perSecond(settings.users(), parked));
                report.line("store: %,d wait documents for the execution; peak resident memory: store %s, "
                                + "service %s", waitDocuments(executionId),
                        EngineBenchmark.mebibytes(rig.store().peakResidentBytes().orElse(-1L)),
                        EngineBenchmark.mebibytes(rig.service().peakResidentBytes().orElse(-1L)));
                verdicts(threadsBefore, threadsWaiting, heap.peakBytes());

                stop(executionId, heap);
            }
        }

        private String importAudience() {
            progress.printf("Importing %,d synthetic users into workspace %s ...%n", settings.users(), workspace);
            long start = System.nanoTime();

            JsonNode imported = client.importAudienceCsv("waits-bench", new SyntheticAudience(settings.users())
                    ::openCsv);

            report.line("import: %,d users in %s", imported.path("size").asLong(),
                    Figures.seconds(Duration.ofNanos(System.nanoTime() - start)));
            return imported.path("id").asText();
        }

        /** Stops the execution and times until no user waits any more. */
        private void stop(String executionId, HeapPeak heap) {
            long start = System.nanoTime();
            client.stopExecution(executionId);
            Milestones milestones = new Milestones(rig, progress, heap, start, settings.timeout());

            Duration ended = milestones.await("every wait ended by the stop", () -> noneWaiting(executionId), POLL);

            report.line("stop: the waits of %,d users ended in %s = %,.0f users/s (stop until the execution shows "
                    + "none waiting)", settings.users(), Figures.seconds(ended),
                    Figures.perSecond(settings.users(), ended));
        }

        private void verdicts(long threadsBefore, long threadsWaiting, long heapPeak) {
            report.target(Figures.below(threadsWaiting, threadsBefore + SPARE_THREADS + 1),
                    "no thread per waiting user: the service had %d live threads before the publish and %d with "
                            + "%,d users waiting (at most %d more allowed)", threadsBefore, threadsWaiting,
                    settings.users(), SPARE_THREADS);
            report.target(Figures.below(heapPeak, HEAP_TARGET_BYTES), "heap under 512 MB while users are parked: "
                    + "peak heap used %s (sampled every %d ms), service %s", EngineBenchmark.mebibytes(heapPeak),
                    HEAP_PERIOD.toMillis(), settings.jvm().describe());
        }

        private Optional<String> allWaiting(String executionId) {
            long waiting = reads.execution(executionId).map(WaitFlow::waiting).orElse(0L);
            return waiting == settings.users() ? Optional.empty() : Optional.of(String.format(
                    "%,d of %,d users waiting", waiting, settings.users()));
        }

        private Optional<String> noneWaiting(String executionId) {
            JsonNode execution = reads.execution(executionId).orElseThrow();
            long waiting = WaitFlow.waiting(execution);
            String status = execution.path("status").asText();
            return waiting == 0 && "STOPPED".equals(status) ? Optional.empty() : Optional.of(String.format(
                    "execution %s with %,d users waiting", status, waiting));
        }

        private long threads() {
            return client.liveThreads().orElseThrow(() -> new IllegalStateException(
                    "the service's actuator does not answer jvm.threads.live"));
        }

        private long waitDocuments(String executionId) {
            ConnectionString uri = new ConnectionString(storeUri);
            try (MongoClient store = MongoClients.create(uri)) {
                return store.getDatabase(uri.getDatabase()).getCollection("execution_waits")
                        .countDocuments(Filters.eq("executionId", executionId));
            }
        }
    }
}
