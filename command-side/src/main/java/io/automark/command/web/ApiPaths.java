package io.automark.command.web;

/** Path and header conventions shared by the command controllers. */
public final class ApiPaths {

    public static final String WORKSPACE = "/api/v1/workspaces/{ws}";
    public static final String WORKSPACE_ID = "[a-z0-9-]{1,64}";
    public static final String ID = "[A-Za-z0-9_.:-]{1,128}";
    /** Who issues a command; recorded on every event it causes. Real deployments set it from authentication. */
    public static final String ACTOR_HEADER = "X-Actor";
    public static final String ANONYMOUS = "anonymous";

    private ApiPaths() {
    }
}
