package io.automark.query.campaign;

import io.automark.events.campaign.CampaignCopied;
import io.automark.events.campaign.CampaignCreated;
import io.automark.events.campaign.CampaignCreatedFromTemplate;
import io.automark.events.campaign.CampaignDeleted;
import io.automark.events.campaign.CampaignDraftSaved;
import io.automark.events.campaign.CampaignFinished;
import io.automark.events.campaign.CampaignMoved;
import io.automark.events.campaign.CampaignPublished;
import io.automark.events.campaign.CampaignRestarted;
import io.automark.events.campaign.CampaignRunEnded;
import io.automark.events.campaign.CampaignRunScheduled;
import io.automark.events.campaign.CampaignRunStarted;
import io.automark.events.campaign.CampaignRunStopped;
import io.automark.events.campaign.CampaignStartDeferred;
import io.automark.events.campaign.CampaignStarted;
import io.automark.events.campaign.CampaignStatus;
import io.automark.events.campaign.CampaignStopped;
import io.automark.events.campaign.CampaignVersionCreated;
import io.automark.events.campaign.EndState;
import io.automark.events.execution.ExecutionFinished;
import io.automark.events.execution.ExecutionStarted;
import io.automark.events.execution.ExecutionStatus;
import io.automark.query.support.QuerySideTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static io.automark.query.support.Fixtures.T0;
import static io.automark.query.support.Fixtures.content;
import static io.automark.query.support.Fixtures.newId;
import static io.automark.query.support.Fixtures.newWorkspace;
import static io.automark.query.support.Fixtures.splitFlow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

@QuerySideTest
class CampaignProjectionTest {

    @Autowired
    CampaignProjection campaigns;

    @Autowired
    CampaignVersionProjection versions;

    @Autowired
    CampaignQueries queries;

    final String ws = newWorkspace();
    final String id = newId("c");

    @Test
    void showsANewCampaignAsADraftAtVersionOneWithItsCreator() {
        // given
        CampaignCreated created = new CampaignCreated(id, ws, content("Spring reactivation"), T0);

        // when
        campaigns.on(created, 0, "alice");

        // then
        CampaignView view = queries.campaign(ws, id, null);
        assertThat(view.name()).isEqualTo("Spring reactivation");
        assertThat(view.status()).isEqualTo(CampaignStatus.DRAFT);
        assertThat(view.version()).isEqualTo(1);
        assertThat(view.currentFlowVersion()).isEqualTo(1);
        assertThat(view.createdBy()).isEqualTo("alice");
        assertThat(view.createdAt()).isEqualTo(T0);
        assertThat(view.publishedVersion()).isNull();
    }

    @Test
    void followsTheLifecycleWithTheAggregateVersion() {
        // given
        campaigns.on(new CampaignCreated(id, ws, content("Lifecycle"), T0), 0, "alice");

        // when
        campaigns.on(new CampaignPublished(id, ws, 1, CampaignStatus.IN_PROGRESS, null, T0.plusSeconds(1)), 1, "bob");
        campaigns.on(new CampaignStopped(id, ws, null, T0.plusSeconds(2)), 2, "bob");
        campaigns.on(new CampaignRestarted(id, ws, 1, "e-restart", T0.plusSeconds(3)), 3, "bob");
        campaigns.on(new CampaignFinished(id, ws, EndState.ABNORMAL, T0.plusSeconds(4)), 4, null);

        // then
        CampaignView view = queries.campaign(ws, id, null);
        assertThat(view.status()).isEqualTo(CampaignStatus.FINISHED);
        assertThat(view.endState()).isEqualTo(EndState.ABNORMAL);
        assertThat(view.publishedVersion()).isEqualTo(1);
        assertThat(view.version()).isEqualTo(5);
        assertThat(view.updatedAt()).isEqualTo(T0.plusSeconds(4));
        assertThat(view.createdBy()).isEqualTo("alice");
    }

    @Test
    void redeliveredEventsLeaveTheSameCampaign() {
        // given
        CampaignCreated created = new CampaignCreated(id, ws, content("Twice"), T0);
        CampaignPublished published = new CampaignPublished(id, ws, 1, CampaignStatus.NOT_STARTED, null, T0);
        campaigns.on(created, 0, "alice");
        campaigns.on(published, 1, "alice");
        CampaignView before = queries.campaign(ws, id, null);

        // when
        campaigns.on(created, 0, "alice");
        campaigns.on(published, 1, "alice");

        // then
        assertThat(queries.campaign(ws, id, null)).isEqualTo(before);
    }

    @Test
    void keepsTheNewestRunAsLastExecution() {
        // given
        campaigns.on(new CampaignCreated(id, ws, content("Runs"), T0), 0, "alice");
        campaigns.on(new CampaignPublished(id, ws, 1, CampaignStatus.IN_PROGRESS, null, T0), 1, "alice");
        campaigns.on(new ExecutionStarted("e1", id, ws, 1, splitFlow(), T0.plusSeconds(1)));
        campaigns.on(new ExecutionFinished("e1", id, ws, ExecutionStatus.COMPLETED, null, T0.plusSeconds(2)));

        // when
        campaigns.on(new ExecutionStarted("e2", id, ws, 1, splitFlow(), T0.plusSeconds(3)));
        campaigns.on(new ExecutionFinished("e1", id, ws, ExecutionStatus.COMPLETED, null, T0.plusSeconds(2)));

        // then
        CampaignView view = queries.campaign(ws, id, null);
        assertThat(view.lastExecution().id()).isEqualTo("e2");
        assertThat(view.lastExecution().status()).isEqualTo(ExecutionStatus.IN_PROGRESS);
        assertThat(view.version()).isEqualTo(2);
    }

    @Test
    void editsADraftInItsCurrentVersion() {
        // given
        campaigns.on(new CampaignCreated(id, ws, content("First name"), T0), 0, "alice");
        versions.on(new CampaignCreated(id, ws, content("First name"), T0), "alice");
        CampaignDraftSaved saved = new CampaignDraftSaved(id, ws, 1, content("Second name"), T0.plusSeconds(5));

        // when
        campaigns.on(saved, 1, "bob");
        versions.on(saved, "bob");

        // then
        List<CampaignVersion> all = queries.versions(ws, id);
        assertThat(all).singleElement().satisfies(version -> {
            assertThat(version.name()).isEqualTo("Second name");
            assertThat(version.createdBy()).isEqualTo("alice");
            assertThat(version.updatedBy()).isEqualTo("bob");
            assertThat(version.flow()).isNull();
        });
        assertThat(queries.campaign(ws, id, null).name()).isEqualTo("Second name");
    }

    @Test
    void keepsOlderVersionsReadableAndMarksThePublishedOne() {
        // given
        CampaignCreated created = new CampaignCreated(id, ws, content("Versions"), T0);
        CampaignPublished published = new CampaignPublished(id, ws, 1, CampaignStatus.IN_PROGRESS, null, T0);
        CampaignVersionCreated second = new CampaignVersionCreated(id, ws, 2, 1, content("Versions v2"), T0);
        campaigns.on(created, 0, "alice");
        versions.on(created, "alice");
        campaigns.on(published, 1, "alice");
        versions.on(published);

        // when
        campaigns.on(second, 2, "alice");
        versions.on(second, "alice");

        // then
        List<CampaignVersion> all = queries.versions(ws, id);
        assertThat(all).extracting(CampaignVersion::version).containsExactly(1, 2);
        assertThat(all).extracting(CampaignVersion::published).containsExactly(true, false);
        assertThat(all).extracting(CampaignVersion::current).containsExactly(false, true);
        assertThat(all.get(1).basedOnVersion()).isEqualTo(1);
        CampaignVersion first = queries.version(ws, id, 1);
        assertThat(first.name()).isEqualTo("Versions");
        assertThat(first.flow()).isEqualTo(splitFlow());
        assertThat(queries.details(ws, id, null).campaign().currentFlowVersion()).isEqualTo(2);
    }

    @Test
    void filesAMovedCampaignInItsNewGroup() {
        // given
        campaigns.on(new CampaignCreated(id, ws, content("Mover"), T0), 0, "alice");

        // when
        campaigns.on(new CampaignMoved(id, ws, null, "g-7", T0.plusSeconds(1)), 1, "bob");

        // then
        CampaignView view = queries.campaign(ws, id, null);
        assertThat(view.groupId()).isEqualTo("g-7");
        assertThat(view.version()).isEqualTo(2);
        assertThat(view.updatedBy()).isEqualTo("bob");
    }

    @Test
    void remembersWhereACopyCameFrom() {
        // given
        campaigns.on(new CampaignCreated(id, ws, content("Original-Copy"), T0), 0, "alice");

        // when
        campaigns.on(new CampaignCopied(id, ws, "c-source", 3, T0), 1, "alice");

        // then
        CampaignView view = queries.campaign(ws, id, null);
        assertThat(view.copiedFrom()).isEqualTo(new CampaignView.CopiedFrom("c-source", 3));
        assertThat(view.status()).isEqualTo(CampaignStatus.DRAFT);
    }

    @Test
    void namesTheTemplateACampaignWasCreatedFrom() {
        // given
        campaigns.on(new CampaignCreated(id, ws, content("From a template"), T0), 0, "alice");

        // when
        campaigns.on(new CampaignCreatedFromTemplate(id, ws, "t-1", T0), 1, "alice");

        // then
        CampaignView view = queries.campaign(ws, id, null);
        assertThat(view.templateId()).isEqualTo("t-1");
        assertThat(view.version()).isEqualTo(2);
    }

    @Test
    void aCopyRefersToNoTemplate() {
        // given
        String copyId = newId("c");
        campaigns.on(new CampaignCreated(id, ws, content("Templated"), T0), 0, "alice");
        campaigns.on(new CampaignCreatedFromTemplate(id, ws, "t-1", T0), 1, "alice");

        // when
        campaigns.on(new CampaignCreated(copyId, ws, content("Templated-Copy"), T0), 0, "alice");
        campaigns.on(new CampaignCopied(copyId, ws, id, 1, T0), 1, "alice");

        // then
        assertThat(queries.campaign(ws, copyId, null).templateId()).isNull();
        assertThat(queries.campaign(ws, id, null).templateId()).isEqualTo("t-1");
    }

    @Test
    void dropsADeletedCampaignWithItsVersions() {
        // given
        CampaignCreated created = new CampaignCreated(id, ws, content("Doomed"), T0);
        campaigns.on(created, 0, "alice");
        versions.on(created, "alice");
        CampaignDeleted deleted = new CampaignDeleted(id, ws, T0.plusSeconds(1));

        // when
        campaigns.on(deleted);
        versions.on(deleted);
        campaigns.on(deleted);

        // then
        assertThat(catchThrowable(() -> queries.campaign(ws, id, null))).isInstanceOf(CampaignNotFound.class);
        assertThat(catchThrowable(() -> queries.version(ws, id, 1))).isInstanceOf(CampaignNotFound.class);
    }

    @Test
    void restartingAnOlderVersionMakesItThePublishedOne() {
        // given
        campaigns.on(new CampaignCreated(id, ws, content("Restart"), T0), 0, "alice");
        campaigns.on(new CampaignPublished(id, ws, 1, CampaignStatus.IN_PROGRESS, "e-1", T0), 1, "alice");
        campaigns.on(new CampaignVersionCreated(id, ws, 2, 1, content("Restart v2"), T0), 2, "alice");
        campaigns.on(new CampaignPublished(id, ws, 2, CampaignStatus.IN_PROGRESS, "e-2", T0), 3, "alice");
        campaigns.on(new CampaignStopped(id, ws, "e-2", T0), 4, "alice");

        // when
        campaigns.on(new CampaignRestarted(id, ws, 1, "e-3", T0), 5, "alice");

        // then
        CampaignView view = queries.campaign(ws, id, null);
        assertThat(view.status()).isEqualTo(CampaignStatus.IN_PROGRESS);
        assertThat(view.publishedVersion()).isEqualTo(1);
        assertThat(view.currentFlowVersion()).isEqualTo(2);
    }

    @Test
    void startsAScheduledCampaignOnceAPlaceIsFree() {
        // given
        campaigns.on(new CampaignCreated(id, ws, content("Scheduled"), T0), 0, "alice");
        campaigns.on(new CampaignPublished(id, ws, 1, CampaignStatus.NOT_STARTED, null, T0), 1, "alice");

        // when
        campaigns.on(new CampaignStartDeferred(id, ws, T0.plusSeconds(120), T0.plusSeconds(60)), 2);
        CampaignView waiting = queries.campaign(ws, id, null);
        campaigns.on(new CampaignStarted(id, ws, 1, "e-1", T0.plusSeconds(180)), 3, null);

        // then
        assertThat(waiting.status()).isEqualTo(CampaignStatus.NOT_STARTED);
        assertThat(waiting.startDeferredAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(waiting.version()).isEqualTo(3);
        CampaignView started = queries.campaign(ws, id, null);
        assertThat(started.status()).isEqualTo(CampaignStatus.IN_PROGRESS);
        assertThat(started.startDeferredAt()).isNull();
        assertThat(started.version()).isEqualTo(4);
        assertThat(started.updatedAt()).isEqualTo(T0.plusSeconds(180));
    }

    @Test
    void followsThePeriodicRunsOfACampaignUntilItStops() {
        // given
        campaigns.on(new CampaignCreated(id, ws, content("Periodic"), T0), 0, "alice");
        campaigns.on(new CampaignStarted(id, ws, 1, null, T0), 1, null);

        // when
        campaigns.on(new CampaignRunScheduled(id, ws, T0.plusSeconds(3600), T0), 2);
        CampaignView scheduled = queries.campaign(ws, id, null);
        campaigns.on(new CampaignRunStarted(id, ws, 1, "e-1", 1, T0.plusSeconds(3600), 0, T0.plusSeconds(3601)), 3);
        campaigns.on(new CampaignRunScheduled(id, ws, T0.plusSeconds(7200), T0.plusSeconds(3601)), 4);
        campaigns.on(new CampaignRunEnded(id, ws, "e-1", ExecutionStatus.COMPLETED, T0.plusSeconds(3700)), 5);
        CampaignView between = queries.campaign(ws, id, null);
        campaigns.on(new CampaignStopped(id, ws, null, T0.plusSeconds(4000)), 6, "bob");
        campaigns.on(new CampaignRunStopped(id, ws, "e-0", T0.plusSeconds(4000)), 7);

        // then
        assertThat(scheduled.nextRunAt()).isEqualTo(T0.plusSeconds(3600));
        assertThat(between.status()).isEqualTo(CampaignStatus.IN_PROGRESS);
        assertThat(between.nextRunAt()).isEqualTo(T0.plusSeconds(7200));
        assertThat(between.version()).isEqualTo(6);
        assertThat(between.updatedAt()).isEqualTo(T0);
        CampaignView stopped = queries.campaign(ws, id, null);
        assertThat(stopped.status()).isEqualTo(CampaignStatus.STOPPED);
        assertThat(stopped.nextRunAt()).isNull();
        assertThat(stopped.version()).isEqualTo(8);
        assertThat(stopped.updatedBy()).isEqualTo("bob");
    }

    @Test
    void answersNoCampaignOfAnotherWorkspace() {
        // given
        campaigns.on(new CampaignCreated(id, ws, content("Private"), T0), 0, "alice");

        // when
        Throwable failure = catchThrowable(() -> queries.campaign(newWorkspace(), id, null));

        // then
        assertThat(failure).isInstanceOf(CampaignNotFound.class);
    }
}
