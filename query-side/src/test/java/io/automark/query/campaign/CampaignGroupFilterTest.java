package io.automark.query.campaign;

import io.automark.events.campaign.CampaignCreated;
import io.automark.events.campaign.CampaignFinished;
import io.automark.events.campaign.CampaignPublished;
import io.automark.events.campaign.CampaignStatus;
import io.automark.events.campaign.CampaignStopped;
import io.automark.events.campaign.EndState;
import io.automark.events.group.GroupAdded;
import io.automark.events.group.GroupMoved;
import io.automark.query.group.GroupProjection;
import io.automark.query.support.QuerySideTest;
import io.automark.query.web.PageOf;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static io.automark.query.support.Fixtures.T0;
import static io.automark.query.support.Fixtures.content;
import static io.automark.query.support.Fixtures.newWorkspace;
import static org.assertj.core.api.Assertions.assertThat;

/** The group filter of the list and the status counts covers a group's sub-groups at every level. */
@QuerySideTest
class CampaignGroupFilterTest {

    @Autowired
    CampaignProjection campaigns;

    @Autowired
    GroupProjection groups;

    @Autowired
    CampaignQueries queries;

    final String ws = newWorkspace();

    /**
     * Sales > Spring > Mail, and News, each holding one campaign; one campaign in no group.
     */
    @BeforeEach
    void givenATreeWithACampaignOnEveryLevel() {
        groups.on(new GroupAdded(ws, "sales", "Sales", null, 0, T0), 0);
        groups.on(new GroupAdded(ws, "spring", "Spring", "sales", 0, T0), 1);
        groups.on(new GroupAdded(ws, "mail", "Mail", "spring", 0, T0), 2);
        groups.on(new GroupAdded(ws, "news", "News", null, 1, T0), 3);
        create("in-sales", "Sales draft", "sales", List.of());
        create("in-spring", "Spring running", "spring", List.of("sub-1"));
        publish("in-spring");
        create("in-mail", "Mail finished", "mail", List.of("sub-1"));
        publish("in-mail");
        campaigns.on(new CampaignFinished(ws + "in-mail", ws, EndState.NORMAL, T0), 2, null);
        create("in-news", "News stopped", "news", List.of());
        publish("in-news");
        campaigns.on(new CampaignStopped(ws + "in-news", ws, null, T0), 2, "alice");
        create("nowhere", "Spring ungrouped", null, List.of("sub-1"));
    }

    @Test
    void listsTheCampaignsOfAGroupAndOfAllItsSubGroups() {
        // when
        PageOf<CampaignView> sales = list(inGroup("sales"));
        PageOf<CampaignView> spring = list(inGroup("spring"));
        PageOf<CampaignView> mail = list(inGroup("mail"));
        PageOf<CampaignView> ungrouped = list(inGroup("ungrouped"));
        PageOf<CampaignView> unknown = list(inGroup("gone"));

        // then
        assertThat(sales.items()).extracting(CampaignView::name)
                .containsExactly("Mail finished", "Sales draft", "Spring running");
        assertThat(spring.items()).extracting(CampaignView::name).containsExactly("Mail finished", "Spring running");
        assertThat(mail.items()).extracting(CampaignView::name).containsExactly("Mail finished");
        assertThat(ungrouped.items()).extracting(CampaignView::name).containsExactly("Spring ungrouped");
        assertThat(unknown.total()).isZero();
    }

    @Test
    void narrowsAGroupByStatusSearchAndSubCampaign() {
        // when
        PageOf<CampaignView> finishedInSales =
                list(new CampaignFilter(CampaignStatus.FINISHED, null, null, "sales", null));
        PageOf<CampaignView> springInSales = list(new CampaignFilter(null, null, "spring", "sales", null));
        PageOf<CampaignView> runningWithSub =
                list(new CampaignFilter(CampaignStatus.IN_PROGRESS, null, null, "sales", "sub-1"));

        // then
        assertThat(finishedInSales.items()).extracting(CampaignView::name).containsExactly("Mail finished");
        assertThat(springInSales.items()).extracting(CampaignView::name).containsExactly("Spring running");
        assertThat(runningWithSub.items()).extracting(CampaignView::name).containsExactly("Spring running");
    }

    @Test
    void countsStatusesPerGroupWithItsSubGroups() {
        // when
        StatusCounts sales = queries.statusCounts(ws, inGroup("sales"));
        StatusCounts news = queries.statusCounts(ws, inGroup("news"));
        StatusCounts ungrouped = queries.statusCounts(ws, inGroup("ungrouped"));
        StatusCounts springInSales = queries.statusCounts(ws, new CampaignFilter(null, null, "SPRING", "sales", null));

        // then
        assertThat(sales).isEqualTo(new StatusCounts(3, 1, 0, 1, 0, 1));
        assertThat(news).isEqualTo(new StatusCounts(1, 0, 0, 0, 1, 0));
        assertThat(ungrouped).isEqualTo(new StatusCounts(1, 1, 0, 0, 0, 0));
        assertThat(springInSales).isEqualTo(new StatusCounts(1, 0, 0, 1, 0, 0));
    }

    @Test
    void aMovedGroupTakesItsCampaignsAndSubGroupsAlong() {
        // when
        groups.on(new GroupMoved(ws, "spring", "news", 0, T0), 4);

        // then
        assertThat(list(inGroup("news")).items()).extracting(CampaignView::name)
                .containsExactly("Mail finished", "News stopped", "Spring running");
        assertThat(list(inGroup("sales")).items()).extracting(CampaignView::name).containsExactly("Sales draft");
        assertThat(queries.statusCounts(ws, inGroup("news")).total()).isEqualTo(3);
        assertThat(queries.campaign(ws, ws + "in-mail", null).groupId()).isEqualTo("mail");
    }

    private static CampaignFilter inGroup(String groupId) {
        return new CampaignFilter(null, null, null, groupId, null);
    }

    private PageOf<CampaignView> list(CampaignFilter filter) {
        return queries.list(ws, filter, CampaignSort.parse("name"), 0, 20);
    }

    private void create(String id, String name, String groupId, List<String> subCampaigns) {
        campaigns.on(new CampaignCreated(ws + id, ws, content(name, groupId, subCampaigns), T0), 0, "alice");
    }

    private void publish(String id) {
        campaigns.on(new CampaignPublished(ws + id, ws, 1, CampaignStatus.IN_PROGRESS, null, T0), 1, "alice");
    }
}
