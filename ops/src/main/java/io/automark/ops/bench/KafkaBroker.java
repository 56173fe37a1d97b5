package io.automark.ops.bench;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
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
 * on the command side's test class path, which Maven works out once ({@code dependency:build-classpath}) and which
 * is kept in {@code ops/target/bench/} until a pom changes. Needs the project's sources (for the Maven wrapper) and
 * the command side's test dependencies in the local Maven repository.
 */
final class KafkaBroker {

    private static final Pattern READY = Pattern.compile(Pattern.quote(KafkaBrokerMain.READY) + "(\\S+)");

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

    private static String classPath(Path projectDir) {
        Path cached = projectDir.resolve("ops/target/bench/kafka-broker.classpath");
        if (!usable(cached, projectDir)) {
            resolve(projectDir, cached);
        }
        try {
            return Files.readString(cached, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + cached, e);
        }
    }

    private static boolean usable(Path cached, Path projectDir) {
        try {
            if (!Files.isRegularFile(cached)) {
                return false;
            }
            FileTime written = Files.getLastModifiedTime(cached);
            for (Path pom : List.of(projectDir.resolve("pom.xml"), projectDir.resolve("command-side/pom.xml"))) {
                if (Files.getLastModifiedTime(pom).compareTo(written) > 0) {
                    return false;
                }
            }
            String entries = Files.readString(cached, StandardCharsets.UTF_8).trim();
            return Arrays.stream(entries.split(File.pathSeparator)).allMatch(entry -> Files.exists(
                    Path.of(entry)));
        } catch (IOException e) {
            return false;
        }
    }

    /** Asks Maven for the command side's test class path, offline first. */
    private static void resolve(Path projectDir, Path cached) {
        for (boolean offline : List.of(true, false)) {
            List<String> command = new ArrayList<>(List.of(projectDir.resolve("mvnw").toString(), "-q", "-B"));
            if (offline) {
                command.add("-o");
            }
            command.addAll(List.of("dependency:build-classpath", "-pl", "command-side", "-Dmdep.includeScope=test",
                    "-Dmdep.outputFile=" + cached.toAbsolutePath()));
            if (runMaven(projectDir, command) && Files.isRegularFile(cached)) {
                return;
            }
        }
        throw new IllegalStateException("Maven could not resolve the command side's test class path (with "
                + "spring-kafka-test); run ./mvnw -B -DskipTests install once");
    }

    private static boolean runMaven(Path projectDir, List<String> command) {
        try {
            Files.createDirectories(projectDir.resolve("ops/target/bench"));
            Path log = projectDir.resolve("ops/target/bench/kafka-broker-classpath.log");
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
