package io.automark.ops.bench;

import java.io.IOException;
import java.lang.reflect.Method;

/**
 * The main class of the channels benchmark's Kafka broker process: spring-kafka-test's
 * {@code EmbeddedKafkaKraftBroker} (one KRaft broker on a loopback port), on a class path that holds it, which the
 * launcher's own does not. It is reached by reflection for that reason, and the benchmark copies this one class
 * file next to that class path.
 *
 * <p>Arguments: the topic to create and its number of partitions. It prints {@code Kafka broker ready: <servers>}
 * and runs until it is stopped or its standard input closes, which happens when the benchmark dies.
 */
public final class KafkaBrokerMain {

    static final String READY = "Kafka broker ready: ";

    private static final String BROKER_CLASS = "org.springframework.kafka.test.EmbeddedKafkaKraftBroker";

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws ReflectiveOperationException, IOException {
        String topic = args[0];
        int partitions = Integer.parseInt(args[1]);
        Class<?> type = Class.forName(BROKER_CLASS);
        Object broker = type.getConstructor(int.class, int.class, String[].class)
                .newInstance(1, partitions, new String[] {topic});

        type.getMethod("afterPropertiesSet").invoke(broker);
        Method destroy = type.getMethod("destroy");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(destroy, broker), "stop-kafka-broker"));
        System.out.println(READY + type.getMethod("getBrokersAsString").invoke(broker));
        System.out.flush();

        while (System.in.read() != -1) {
            // Nothing comes on standard input; its end means that the benchmark is gone.
        }
        System.exit(0);
    }

    private static void stop(Method destroy, Object broker) {
        try {
            destroy.invoke(broker);
        } catch (ReflectiveOperationException e) {
            System.err.println("the Kafka broker did not stop cleanly: " + e);
        }
    }
}
