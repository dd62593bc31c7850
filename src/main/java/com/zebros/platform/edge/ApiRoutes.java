package com.zebros.platform.edge;

import com.zebros.platform.config.FunctionGroup;
import java.util.List;

/**
 * The REST API's paths and the function that serves each. Every path takes any method and hands it
 * to the function, whose router answers 405 for a method it does not serve; only the health check
 * is open, for Route 53.
 */
public final class ApiRoutes {
    /** The version prefix every path starts with. */
    public static final String PREFIX = "/v1";

    public record Route(String path, FunctionGroup group, boolean authorized, String method) {}

    public static final List<Route> ROUTES = List.of(
            new Route("/v1/health", FunctionGroup.CUSTOMERS, false, "GET"),
            new Route("/v1/customers", FunctionGroup.CUSTOMERS, true, "ANY"),
            new Route("/v1/customers/batch", FunctionGroup.CUSTOMERS, true, "ANY"),
            new Route("/v1/customers/{customerId}", FunctionGroup.CUSTOMERS, true, "ANY"),
            new Route("/v1/customers/{customerId}/contacts", FunctionGroup.CONTACTS, true, "ANY"),
            new Route("/v1/customers/{customerId}/opportunities", FunctionGroup.OPPORTUNITIES, true, "ANY"),
            new Route("/v1/customers/{customerId}/timeline", FunctionGroup.ACTIVITIES, true, "ANY"),
            new Route("/v1/customers/{customerId}/history", FunctionGroup.CUSTOMERS, true, "ANY"),
            new Route("/v1/customers/{customerId}/restore", FunctionGroup.CUSTOMERS, true, "ANY"),
            new Route("/v1/contacts/batch", FunctionGroup.CONTACTS, true, "ANY"),
            new Route("/v1/contacts/{contactId}", FunctionGroup.CONTACTS, true, "ANY"),
            new Route("/v1/contacts/{contactId}/history", FunctionGroup.CONTACTS, true, "ANY"),
            new Route("/v1/contacts/{contactId}/restore", FunctionGroup.CONTACTS, true, "ANY"),
            new Route("/v1/opportunities", FunctionGroup.OPPORTUNITIES, true, "ANY"),
            new Route("/v1/opportunities/{opportunityId}", FunctionGroup.OPPORTUNITIES, true, "ANY"),
            new Route("/v1/opportunities/{opportunityId}/history", FunctionGroup.OPPORTUNITIES, true, "ANY"),
            new Route("/v1/opportunities/{opportunityId}/stages", FunctionGroup.OPPORTUNITIES, true, "ANY"),
            new Route("/v1/opportunities/{opportunityId}/restore", FunctionGroup.OPPORTUNITIES, true, "ANY"),
            new Route("/v1/pipeline", FunctionGroup.OPPORTUNITIES, true, "ANY"),
            new Route("/v1/pipeline/stages", FunctionGroup.OPPORTUNITIES, true, "ANY"),
            new Route("/v1/deleted", FunctionGroup.CUSTOMERS, true, "ANY"),
            new Route("/v1/search", FunctionGroup.CUSTOMERS, true, "ANY"),
            new Route("/v1/webhooks", FunctionGroup.CUSTOMERS, true, "ANY"),
            new Route("/v1/webhooks/{webhookId}", FunctionGroup.CUSTOMERS, true, "ANY"),
            new Route("/v1/webhooks/{webhookId}/deliveries", FunctionGroup.CUSTOMERS, true, "ANY"),
            new Route("/v1/activities", FunctionGroup.ACTIVITIES, true, "ANY"),
            new Route("/v1/tasks", FunctionGroup.ACTIVITIES, true, "ANY"),
            new Route("/v1/activities/{activityId}", FunctionGroup.ACTIVITIES, true, "ANY"),
            new Route("/v1/activities/{activityId}/history", FunctionGroup.ACTIVITIES, true, "ANY"),
            new Route("/v1/activities/{activityId}/restore", FunctionGroup.ACTIVITIES, true, "ANY"),
            new Route("/v1/reports", FunctionGroup.REPORTING, true, "ANY"),
            new Route("/v1/reports/{reportId}", FunctionGroup.REPORTING, true, "ANY"),
            new Route("/v1/imports", FunctionGroup.REPORTING, true, "ANY"),
            new Route("/v1/imports/{importId}", FunctionGroup.REPORTING, true, "ANY"),
            new Route("/v1/exports", FunctionGroup.REPORTING, true, "ANY"),
            new Route("/v1/exports/{exportId}", FunctionGroup.REPORTING, true, "ANY"),
            new Route("/v1/analyses", FunctionGroup.ANALYTICS, true, "ANY"),
            new Route("/v1/analyses/{analysisId}", FunctionGroup.ANALYTICS, true, "ANY"),
            new Route("/v1/analytics/{metric}", FunctionGroup.ANALYTICS, true, "ANY"));

    private ApiRoutes() {}

    /** A logical name for the API Gateway resource of {@code path}: stable, readable, unique. */
    public static String logicalName(String path) {
        return "api" + path.replace("{", "").replace("}", "").replace('/', '-');
    }
}
