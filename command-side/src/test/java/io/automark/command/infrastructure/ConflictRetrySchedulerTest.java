package io.automark.command.infrastructure;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.automark.command.common.InvalidStateException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs a command again only after a lost race, and hands anything else back without a word. */
class ConflictRetrySchedulerTest {

    private static final CommandMessage<?> COMMAND = GenericCommandMessage.asCommandMessage("stop campaign c-1");

    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor();
    private final ConflictRetryScheduler scheduler = new ConflictRetryScheduler(IntervalRetryScheduler.builder()
            .retryExecutor(retries)
            .maxRetryCount(3)
            .retryInterval(20));
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void listen() {
        logged.start();
        root.addAppender(logged);
    }

    @AfterEach
    void stop() {
        root.detachAppender(logged);
        retries.shutdownNow();
    }

    @SuppressWarnings("unchecked")
    private static List<Class<? extends Throwable>[]> failures(Class<? extends Throwable>... causes) {
        List<Class<? extends Throwable>[]> failures = new ArrayList<>();
        for (Class<? extends Throwable> cause : causes) {
            failures.add(new Class[] {cause});
        }
        return failures;
    }

    @Test
    void runsACommandAgainThatLostARace() {
        ConcurrencyException conflict = new ConcurrencyException("appended first by another instance");

        boolean retried = scheduler.scheduleRetry(COMMAND, conflict, failures(ConcurrencyException.class), () -> { });

        assertThat(retried).isTrue();
    }

    @Test
    void handsARefusalBackWithoutLoggingItEvenAfterConflictsUsedUpTheRetries() {
        InvalidStateException refusal = new InvalidStateException("campaign c-1 is not running");
        List<Class<? extends Throwable>[]> failures = failures(ConcurrencyException.class,
                ConcurrencyException.class, ConcurrencyException.class, InvalidStateException.class);

        boolean retried = scheduler.scheduleRetry(COMMAND, refusal, failures, () -> { });

        assertThat(retried).isFalse();
        assertThat(logged.list).noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.WARN));
    }
}
