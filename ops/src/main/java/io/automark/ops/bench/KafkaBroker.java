package io.automark.ops.bench;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Kafka broker for the channels benchmark, in a child JVM: spring-kafka-test's {@code EmbeddedKafkaKraftBroker}
 * on ops' test class path, which every build of ops writes to {@code ops/target/bench/} (the launcher's own build
 * too, whose {@code -Dmaven.test.skip=true} still resolves test dependencies). Only when that file is gone or names a
 * jar no longer there does it ask Maven, through the project's wrapper.
 */
final class KafkaBroker {

    private static final Pattern READY = Pattern.compile(Pattern.quote(KafkaBrokerMain.READY) + "(\\S+)");

    /** Written by every build of ops (maven-dependency-plugin, see ops/pom.xml). */
    private static final String CLASS_PATH_FILE = "ops/target/bench/kafka-broker.classpath";

    private static final String MAVEN_LOG = "ops/target/bench/kafka-broker-classpath.log";

    private static final long MAVEN_TIMEOUT_MINUTES = 10;

    private KafkaBroker() {
    }

    /**
     * Starts a broker with one topic and answers its bootstrap servers; the rig stops it.
     *
     * @throws IllegalStateException when no class path for it can be had or it does not start
     */
    static String start(Rig rig, Path projectDir, String topic, int partitions) {
        Path runDir = rig.runDir();
        String classPath = mainClassFolder(runDir) + File.pathSeparator + classPath(projectDir);
        List<String> command = List.of(ChildProcess.javaExecutable(), "-Xmx1g",
                "-Dlogback.configurationFile=" + quietLogging(runDir), "-cp", classPath,
                KafkaBrokerMain.class.getName(), topic, String.valueOf(partitions));

        ChildProcess broker = rig.keep(ChildProcess.start("Kafka broker", command, Map.of(),
                runDir.resolve("kafka.log")));
        return broker.awaitLine(READY, Duration.ofMinutes(3));
    }

    /** Where to find the project: the given folder, else above the launcher's jar, else above the working folder. */
    static Path projectDir(Path given) {
        if (given != null) {
            return given.toAbsolutePath();
        }
        Path jar = Path.of(System.getProperty("java.class.path").split(File.pathSeparator)[0])
                .toAbsolutePath();
        return Stream.of(jar, Path.of("").toAbsolutePath())
                .map(KafkaBroker::projectAbove)
                .flatMap(Optional::stream)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("cannot find the project (a folder with mvnw and "
                        + "command-side/pom.xml) above " + jar + " or the working folder; name it with "
                        + "--project-dir"));
    }

    private static Optional<Path> projectAbove(Path start) {
        for (Path folder = start; folder != null; folder = folder.getParent()) {
            if (Files.isRegularFile(folder.resolve("mvnw")) && Files.isRegularFile(folder.resolve(
                    "command-side/pom.xml"))) {
                return Optional.of(folder);
            }
        }
        return Optional.empty();
    }

    /** The class path the build wrote; Maven is asked again only when it is gone or names a missing jar. */
    private static String classPath(Path projectDir) {
        Path written = projectDir.resolve(CLASS_PATH_FILE);
        if (!usable(written)) {
            resolve(projectDir, written);
        }
        try {
            return Files.readString(written, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + written, e);
        }
    }

    private static boolean usable(Path written) {
        try {
            if (!Files.isRegularFile(written)) {
                return false;
            }
            String entries = Files.readString(written, StandardCharsets.UTF_8).trim();
            return !entries.isEmpty() && Arrays.stream(entries.split(File.pathSeparator))
                    .allMatch(entry -> Files.exists(Path.of(entry)));
        } catch (IOException e) {
            return false;
        }
    }

    /** Asks Maven for ops' test class path as the build does, offline first. */
    private static void resolve(Path projectDir, Path written) {
        for (boolean offline : List.of(true, false)) {
            List<String> command = new ArrayList<>(List.of(projectDir.resolve("mvnw").toString(), "-q", "-B"));
            if (offline) {
                command.add("-o");
            }
            command.addAll(List.of("dependency:build-classpath", "-pl", "ops", "-Dmdep.includeScope=test",
                    "-Dmdep.excludeGroupIds=io.automark", "-Dmdep.outputFile=" + written.toAbsolutePath()));
            if (runMaven(projectDir, command) && usable(written)) {
                return;
            }
        }
        throw new IllegalStateException("Maven could not resolve the Kafka broker's class path (spring-kafka-test, "
                + "a test dependency of ops); see " + projectDir.resolve(MAVEN_LOG) + ", or build once with "
                + "./mvnw -B -Dmaven.test.skip=true install");
    }

    private static boolean runMaven(Path projectDir, List<String> command) {
        try {
            Files.createDirectories(projectDir.resolve("ops/target/bench"));
            Path log = projectDir.resolve(MAVEN_LOG);
            Process maven = new ProcessBuilder(command)
                    .directory(projectDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!maven.waitFor(MAVEN_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                maven.destroyForcibly();
                return false;
            }
            return maven.exitValue() == 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Maven resolved the Kafka class path", e);
        }
    }

    /** Copies {@link KafkaBrokerMain}'s class file out of the launcher, into a folder the child can load it from. */
    private static Path mainClassFolder(Path runDir) {
        String file = KafkaBrokerMain.class.getSimpleName() + ".class";
        Path folder = runDir.resolve("kafka-main");
        Path target = folder.resolve(KafkaBrokerMain.class.getPackageName().replace('.', '/')).resolve(file);

        try (InputStream bytes = KafkaBrokerMain.class.getResourceAsStream(file)) {
            if (bytes == null) {
                throw new IllegalStateException("the class file " + file + " is not on the class path");
            }
            Files.createDirectories(target.getParent());
            Files.copy(bytes, target, StandardCopyOption.REPLACE_EXISTING);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + file + " to " + folder, e);
        }
    }

    /** Kafka and its test kit log every setting at INFO; only warnings are of interest here. */
    private static Path quietLogging(Path runDir) {
        Path config = runDir.resolve("kafka-logback.xml");
        String xml = """
                <configuration>
                    <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                        <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n</pattern></encoder>
                    </appender>
                    <root level="WARN"><appender-ref ref="OUT"/></root>
                </configuration>
                """;
        try {
            Files.createDirectories(runDir);
            Files.writeString(config, xml, StandardCharsets.UTF_8);
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + config, e);
        }
    }
}
