package io.automark.command.group;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Which group each campaign is filed in, as the command side knows it from the campaign events. A group with a
 * campaign in it cannot be deleted.
 */
@Component
public class GroupCampaigns {

    private final MongoCollection<Document> filed;

    public GroupCampaigns(MongoTemplate mongo) {
        this.filed = mongo.getCollection("group_campaigns");
    }

    /** Records where the campaign is; a null group removes the record (Ungrouped or deleted). */
    public void file(String workspaceId, String campaignId, String groupId) {
        if (groupId == null) {
            filed.deleteOne(Filters.eq("_id", campaignId));
            return;
        }
        filed.replaceOne(Filters.eq("_id", campaignId), new Document("_id", campaignId)
                .append("workspaceId", workspaceId)
                .append("groupId", groupId), new ReplaceOptions().upsert(true));
    }

    public boolean anyIn(String workspaceId, String groupId) {
        return filed.find(Filters.and(Filters.eq("workspaceId", workspaceId), Filters.eq("groupId", groupId)))
                .first() != null;
    }
}
