package com.zebros.platform.global;

/**
 * The stack outputs the runbook command reads, named once for the program that exports them and
 * the command that reads them (from the offline plans or from {@code pulumi stack output --json}).
 */
public final class RunbookOutputs {
    public static final String GLOBAL_CLUSTER = "globalClusterIdentifier";
    public static final String AUTH_CLUSTER_ARN = "authClusterArn";
    public static final String ECS_CLUSTER = "ecsClusterName";
    public static final String KEYCLOAK_SERVICE = "keycloakServiceName";
    public static final String KEYCLOAK_MIN_TASKS = "keycloakMinTasks";
    public static final String KEYCLOAK_MAX_TASKS = "keycloakMaxTasks";
    public static final String NOTIFICATION_MAPPING = "notificationMappingId";
    /** The webhooks function's mapping of the jobs table's stream: like notifications, only the active region's runs. */
    public static final String RECORD_EVENTS_MAPPING = "recordEventsMappingId";

    public static final String API_HEALTH_CHECK = "apiHealthCheckId";
    public static final String AUTH_HEALTH_CHECK = "authHealthCheckId";
    public static final String API_HOST = "apiHost";
    public static final String REGION = "region";
    /** The stack's own name, for the pulumi commands of a runbook. */
    public static final String STACK = "stack";
    /** The auth cluster as a member of the global cluster: what the failback re-adds (AuthDatabase.memberSpec). */
    public static final String AUTH_CLUSTER_SPEC = "authClusterSpec";

    private RunbookOutputs() {}
}
