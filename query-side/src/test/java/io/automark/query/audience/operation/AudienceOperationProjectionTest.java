package io.automark.query.audience.operation;

import io.automark.events.audience.AudienceExportCompleted;
import io.automark.events.audience.AudienceExportFailed;
import io.automark.events.audience.AudienceExportRequested;
import io.automark.events.execution.UserResult;
import io.automark.query.support.QuerySideTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static io.automark.query.support.Fixtures.T0;
import static io.automark.query.support.Fixtures.newId;
import static io.automark.query.support.Fixtures.newWorkspace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

@QuerySideTest
class AudienceOperationProjectionTest {

    @Autowired
    AudienceOperationProjection projection;

    @Autowired
    AudienceOperationQueries queries;

    final String ws = newWorkspace();
    final String executionId = newId("e");
    final String id = newId("op");

    @Test
    void showsARequestAsPendingWithItsNameAndResults() {
        // when
        projection.on(requested(id, T0), 0);

        // then
        AudienceOperationView operation = queries.operation(ws, id, null);
        assertThat(operation.status()).isEqualTo(AudienceOperationStatus.PENDING);
        assertThat(operation.name()).isEqualTo("Bounced");
        assertThat(operation.results()).containsExactly(UserResult.FAILED, UserResult.SKIPPED);
        assertThat(operation.requestedAt()).isEqualTo(T0);
        assertThat(operation.audienceId()).isNull();
        assertThat(operation.size()).isNull();
        assertThat(operation.endedAt()).isNull();
        assertThat(operation.version()).isEqualTo(1);
    }

    @Test
    void showsTheAudienceOfACompletedOperation() {
        // given
        projection.on(requested(id, T0), 0);

        // when
        projection.on(completed(), 1);

        // then
        assertCompleted(queries.operation(ws, id, null));
    }

    @Test
    void keepsACompletionHandledBeforeItsRequest() {
        // given
        projection.on(completed(), 1);

        // when
        projection.on(requested(id, T0), 0);

        // then
        assertCompleted(queries.operation(ws, id, null));
    }

    @Test
    void keepsAFailureHandledBeforeItsRequest() {
        // given
        projection.on(new AudienceExportFailed(id, ws, executionId, "mail", "execution unknown", T0.plusSeconds(2)),
                1);

        // when
        projection.on(requested(id, T0), 0);

        // then
        AudienceOperationView operation = queries.operation(ws, id, null);
        assertThat(operation.status()).isEqualTo(AudienceOperationStatus.FAILED);
        assertThat(operation.reason()).isEqualTo("execution unknown");
        assertThat(operation.endedAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(operation.name()).isEqualTo("Bounced");
        assertThat(operation.audienceId()).isNull();
    }

    @Test
    void changesNothingWhenEventsAreRedelivered() {
        // given
        projection.on(requested(id, T0), 0);
        projection.on(completed(), 1);

        // when
        projection.on(requested(id, T0), 0);
        projection.on(completed(), 1);

        // then
        assertCompleted(queries.operation(ws, id, null));
        assertThat(queries.ofComponent(ws, executionId, "mail", 10)).hasSize(1);
    }

    @Test
    void listsTheOperationsOfOneComponentNewestFirst() {
        // given
        String newer = newId("op");
        String otherComponent = newId("op");
        projection.on(requested(id, T0), 0);
        projection.on(requested(newer, T0.plusSeconds(60)), 0);
        projection.on(new AudienceExportRequested(otherComponent, ws, executionId, "hook", "Hooked",
                Set.of(UserResult.SUCCESS), T0), 0);

        // when
        List<AudienceOperationView> listed = queries.ofComponent(ws, executionId, "mail", 10);

        // then
        assertThat(listed).extracting(AudienceOperationView::id).containsExactly(newer, id);
    }

    @Test
    void keepsEveryWorkspaceToItself() {
        // given
        projection.on(requested(id, T0), 0);
        String elsewhere = newWorkspace();

        // when
        Throwable read = catchThrowable(() -> queries.operation(elsewhere, id, null));
        List<AudienceOperationView> listed = queries.ofComponent(elsewhere, executionId, "mail", 10);

        // then
        assertThat(read).isInstanceOf(AudienceOperationNotFound.class);
        assertThat(listed).isEmpty();
    }

    private void assertCompleted(AudienceOperationView operation) {
        assertThat(operation.status()).isEqualTo(AudienceOperationStatus.COMPLETED);
        assertThat(operation.audienceId()).isEqualTo("a-42");
        assertThat(operation.size()).isEqualTo(17);
        assertThat(operation.endedAt()).isEqualTo(T0.plusSeconds(3));
        assertThat(operation.name()).isEqualTo("Bounced");
        assertThat(operation.results()).containsExactly(UserResult.FAILED, UserResult.SKIPPED);
        assertThat(operation.requestedAt()).isEqualTo(T0);
        assertThat(operation.executionId()).isEqualTo(executionId);
        assertThat(operation.componentId()).isEqualTo("mail");
        assertThat(operation.reason()).isNull();
        assertThat(operation.version()).isEqualTo(2);
    }

    private AudienceExportRequested requested(String operationId, Instant at) {
        return new AudienceExportRequested(operationId, ws, executionId, "mail", "Bounced",
                Set.of(UserResult.SKIPPED, UserResult.FAILED), at);
    }

    private AudienceExportCompleted completed() {
        return new AudienceExportCompleted(id, ws, executionId, "mail", "a-42", 17, T0.plusSeconds(3));
    }
}
