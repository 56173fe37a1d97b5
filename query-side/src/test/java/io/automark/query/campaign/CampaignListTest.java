package io.automark.query.campaign;

import io.automark.events.campaign.CampaignCreated;
import io.automark.events.campaign.CampaignFinished;
import io.automark.events.campaign.CampaignPublished;
import io.automark.events.campaign.CampaignStatus;
import io.automark.events.campaign.EndState;
import io.automark.query.support.QuerySideTest;
import io.automark.query.web.InvalidQueryParameter;
import io.automark.query.web.PageOf;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static io.automark.query.support.Fixtures.T0;
import static io.automark.query.support.Fixtures.content;
import static io.automark.query.support.Fixtures.newWorkspace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@QuerySideTest
class CampaignListTest {

    @Autowired
    CampaignProjection projection;

    @Autowired
    CampaignQueries queries;

    final String ws = newWorkspace();

    /** Six campaigns: two drafts, one running, one finished of each end state, one in group g-1. */
    @BeforeEach
    void givenCampaignsInEveryState() {
        create("draft-1", "Spring (sale) v1.0", 1, null, List.of());
        create("draft-2", "Spring sale v100", 2, null, List.of("sub-1"));
        create("running", "Winter", 3, "g-1", List.of());
        publish("running", CampaignStatus.IN_PROGRESS);
        create("normal", "Autumn", 4, null, List.of());
        finish("normal", EndState.NORMAL);
        create("abnormal", "Summer", 5, null, List.of("sub-1"));
        finish("abnormal", EndState.ABNORMAL);
    }

    @Test
    void finishedIncludesBothEndStatesAndEndStateNarrows() {
        // when
        PageOf<CampaignView> finished = list(new CampaignFilter(CampaignStatus.FINISHED, null, null, null, null));
        PageOf<CampaignView> abnormal =
                list(new CampaignFilter(CampaignStatus.FINISHED, EndState.ABNORMAL, null, null, null));

        // then
        assertThat(finished.items()).extracting(CampaignView::name).containsExactlyInAnyOrder("Autumn", "Summer");
        assertThat(abnormal.items()).extracting(CampaignView::name).containsExactly("Summer");
    }

    @Test
    void searchesNamesLiterallyIgnoringCase() {
        // when
        PageOf<CampaignView> parenthesis = list(new CampaignFilter(null, null, "(SALE) v1.", null, null));
        PageOf<CampaignView> dot = list(new CampaignFilter(null, null, "v1.0", null, null));
        PageOf<CampaignView> wildcard = list(new CampaignFilter(null, null, ".*", null, null));

        // then
        assertThat(parenthesis.items()).extracting(CampaignView::name).containsExactly("Spring (sale) v1.0");
        assertThat(dot.items()).extracting(CampaignView::name).containsExactly("Spring (sale) v1.0");
        assertThat(wildcard.total()).isZero();
    }

    @Test
    void filtersByGroupUngroupedAndSubCampaign() {
        // when
        PageOf<CampaignView> grouped = list(new CampaignFilter(null, null, null, "g-1", null));
        PageOf<CampaignView> ungrouped = list(new CampaignFilter(null, null, null, "ungrouped", null));
        PageOf<CampaignView> withSub = list(new CampaignFilter(null, null, null, null, "sub-1"));

        // then
        assertThat(grouped.items()).extracting(CampaignView::name).containsExactly("Winter");
        assertThat(ungrouped.total()).isEqualTo(4);
        assertThat(withSub.items()).extracting(CampaignView::name)
                .containsExactlyInAnyOrder("Spring sale v100", "Summer");
    }

    @Test
    void pagesThroughASortedList() {
        // given
        CampaignFilter all = new CampaignFilter(null, null, null, null, null);

        // when
        PageOf<CampaignView> first = queries.list(ws, all, CampaignSort.parse("name,asc"), 0, 4);
        PageOf<CampaignView> second = queries.list(ws, all, CampaignSort.parse("name"), 1, 4);
        PageOf<CampaignView> newest = queries.list(ws, all, CampaignSort.parse("createdAt,desc"), 0, 1);

        // then
        assertThat(first.items()).extracting(CampaignView::name)
                .containsExactly("Autumn", "Spring (sale) v1.0", "Spring sale v100", "Summer");
        assertThat(second.items()).extracting(CampaignView::name).containsExactly("Winter");
        assertThat(first.total()).isEqualTo(5);
        assertThat(newest.items()).extracting(CampaignView::name).containsExactly("Summer");
    }

    @Test
    void sortsNamesIgnoringCaseAndStatusesInLifecycleOrder() {
        // given
        create("lower", "apple pie", 6, null, List.of());
        CampaignFilter all = new CampaignFilter(null, null, null, null, null);

        // when
        PageOf<CampaignView> byName = queries.list(ws, all, CampaignSort.parse("name"), 0, 2);
        PageOf<CampaignView> byStatus = queries.list(ws, all, CampaignSort.parse("status,desc"), 0, 20);
        PageOf<CampaignView> byCreation = queries.list(ws, all, CampaignSort.parse("created,desc"), 0, 1);

        // then
        assertThat(byName.items()).extracting(CampaignView::name).containsExactly("apple pie", "Autumn");
        assertThat(byStatus.items()).extracting(CampaignView::status).containsExactly(CampaignStatus.FINISHED,
                CampaignStatus.FINISHED, CampaignStatus.IN_PROGRESS, CampaignStatus.DRAFT, CampaignStatus.DRAFT,
                CampaignStatus.DRAFT);
        assertThat(byCreation.items()).extracting(CampaignView::name).containsExactly("apple pie");
    }

    @Test
    void aStatusNarrowsTheSearchAndTheSubCampaignFilter() {
        // when
        PageOf<CampaignView> draftsNamedSpring = list(new CampaignFilter(CampaignStatus.DRAFT, null, "spring", null,
                null));
        PageOf<CampaignView> runningNamedSpring = list(new CampaignFilter(CampaignStatus.IN_PROGRESS, null, "spring",
                null, null));
        PageOf<CampaignView> finishedWithSub = list(new CampaignFilter(CampaignStatus.FINISHED, null, null, null,
                "sub-1"));

        // then
        assertThat(draftsNamedSpring.total()).isEqualTo(2);
        assertThat(runningNamedSpring.total()).isZero();
        assertThat(finishedWithSub.items()).extracting(CampaignView::name).containsExactly("Summer");
    }

    @Test
    void refusesAnUnknownSortField() {
        // when / then
        assertThatThrownBy(() -> CampaignSort.parse("budget,desc")).isInstanceOf(InvalidQueryParameter.class);
        assertThatThrownBy(() -> CampaignSort.parse("name,sideways")).isInstanceOf(InvalidQueryParameter.class);
    }

    @Test
    void countsEveryStatusWithinASearch() {
        // when
        StatusCounts all = queries.statusCounts(ws, new CampaignFilter(null, null, null, null, null));
        StatusCounts spring = queries.statusCounts(ws, new CampaignFilter(null, null, "spring", null, null));

        // then
        assertThat(all).isEqualTo(new StatusCounts(5, 2, 0, 1, 0, 2));
        assertThat(spring).isEqualTo(new StatusCounts(2, 2, 0, 0, 0, 0));
    }

    private PageOf<CampaignView> list(CampaignFilter filter) {
        return queries.list(ws, filter, CampaignSort.parse("updatedAt,desc"), 0, 20);
    }

    private void create(String id, String name, int minute, String groupId, List<String> subCampaigns) {
        projection.on(new CampaignCreated(ws + id, ws, content(name, groupId, subCampaigns),
                T0.plusSeconds(60L * minute)), 0, "alice");
    }

    private void publish(String id, CampaignStatus status) {
        projection.on(new CampaignPublished(ws + id, ws, 1, status, null, T0.plusSeconds(600)), 1, "alice");
    }

    private void finish(String id, EndState endState) {
        publish(id, CampaignStatus.IN_PROGRESS);
        projection.on(new CampaignFinished(ws + id, ws, endState, T0.plusSeconds(700)), 2, null);
    }
}
