package io.automark.query.infrastructure;

import java.util.List;

/** The names of the query side's processing groups; each keeps its own token and is tuned on its own. */
public final class QueryProcessingGroups {

    public static final String CAMPAIGNS = "query-campaigns";
    public static final String EXECUTIONS = "query-executions";
    /** Named for its batch documents: a group of a new name reads the whole stream and so builds them anew. */
    public static final String EXECUTION_USERS = "query-execution-user-batches";
    public static final String AUDIENCES = "query-audiences";
    public static final String AUDIENCE_OPERATIONS = "query-audience-operations";
    public static final String GROUPS = "query-groups";
    public static final String TEMPLATES = "query-templates";

    public static final List<String> ALL =
            List.of(CAMPAIGNS, EXECUTIONS, EXECUTION_USERS, AUDIENCES, AUDIENCE_OPERATIONS, GROUPS, TEMPLATES);

    private QueryProcessingGroups() {
    }
}
