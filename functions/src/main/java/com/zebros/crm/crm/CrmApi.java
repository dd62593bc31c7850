package com.zebros.crm.crm;

import static com.zebros.crm.http.Route.Access.DELETE;
import static com.zebros.crm.http.Route.Access.PUBLIC;
import static com.zebros.crm.http.Route.Access.READ;
import static com.zebros.crm.http.Route.Access.WRITE;

import com.google.gson.JsonObject;
import com.zebros.crm.cache.ItemCache;
import com.zebros.crm.http.ApiException;
import com.zebros.crm.http.Json;
import com.zebros.crm.http.Request;
import com.zebros.crm.http.Response;
import com.zebros.crm.http.Router;
import com.zebros.crm.store.KeyRange;
import com.zebros.crm.store.Store;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/** Every route of the CRM API (openapi.yaml documents them; a test holds the two together). */
public final class CrmApi {
    private final Router router = new Router();
    private final Resource customers;
    private final Resource contacts;
    private final Resource opportunities;
    private final Resource activities;
    private final Store store;

    public CrmApi(
            Store store, ItemCache cache, Jobs jobs, com.zebros.crm.webhook.WebhookTarget webhookTarget, Clock clock) {
        this.store = store;
        customers = new Resource(Entities.CUSTOMER, store, cache, clock);
        contacts = new Resource(Entities.CONTACT, store, cache, clock);
        opportunities = new Resource(Entities.OPPORTUNITY, store, cache, clock);
        activities = new Resource(Entities.ACTIVITY, store, cache, clock);
        Pipeline pipeline = new Pipeline(store, new com.zebros.crm.migrate.MigrationState(store));
        Health health = new Health(store);
        PipelineStages pipelineStages = new PipelineStages(store);
        var webhooks = new com.zebros.crm.webhook.WebhooksApi(store, webhookTarget, clock);
        var migrations = new com.zebros.crm.migrate.MigrationState(store);
        Listing customerList = new Listing(customers, Listings.CUSTOMERS, migrations);
        Listing opportunityList = new Listing(opportunities, Listings.OPPORTUNITIES, migrations);
        Listing activityList = new Listing(activities, Listings.ACTIVITIES, migrations);

        router.add("GET", "/v1/health", PUBLIC, health::check)
                .add("GET", "/v1/customers", READ, customerList::list)
                .add("POST", "/v1/customers", WRITE, customers::create)
                .add("POST", "/v1/customers/batch", WRITE, new Batch(customers, new Idempotency(store, clock))::handle)
                .add("GET", "/v1/customers/{customerId}", READ, r -> customers.get(r, r.pathParameter("customerId")))
                .add(
                        "PUT",
                        "/v1/customers/{customerId}",
                        WRITE,
                        r -> customers.update(r, r.pathParameter("customerId")))
                .add(
                        "PATCH",
                        "/v1/customers/{customerId}",
                        WRITE,
                        r -> customers.patch(r, r.pathParameter("customerId")))
                .add(
                        "GET",
                        "/v1/customers/{customerId}/history",
                        READ,
                        r -> customers.history(r, r.pathParameter("customerId")))
                .add(
                        "POST",
                        "/v1/customers/{customerId}/restore",
                        DELETE,
                        r -> customers.restore(r, r.pathParameter("customerId")))
                .add("DELETE", "/v1/customers/{customerId}", DELETE, r -> deleteCustomer(r, store))
                .add("GET", "/v1/customers/{customerId}/contacts", READ, r -> byCustomer(r, contacts, "nameKey", false))
                .add("POST", "/v1/customers/{customerId}/contacts", WRITE, this::createContact)
                .add(
                        "GET",
                        "/v1/customers/{customerId}/opportunities",
                        READ,
                        r -> byCustomer(r, opportunities, "closeKey", false))
                .add("GET", "/v1/customers/{customerId}/timeline", READ, r -> timeline(r))
                .add("POST", "/v1/contacts/batch", WRITE, new Batch(contacts, new Idempotency(store, clock))::handle)
                .add("GET", "/v1/contacts/{contactId}", READ, r -> contacts.get(r, r.pathParameter("contactId")))
                .add("PUT", "/v1/contacts/{contactId}", WRITE, r -> contacts.update(r, r.pathParameter("contactId")))
                .add("PATCH", "/v1/contacts/{contactId}", WRITE, r -> contacts.patch(r, r.pathParameter("contactId")))
                .add(
                        "GET",
                        "/v1/contacts/{contactId}/history",
                        READ,
                        r -> contacts.history(r, r.pathParameter("contactId")))
                .add(
                        "POST",
                        "/v1/contacts/{contactId}/restore",
                        DELETE,
                        r -> contacts.restore(r, r.pathParameter("contactId")))
                .add(
                        "DELETE",
                        "/v1/contacts/{contactId}",
                        DELETE,
                        r -> contacts.delete(r, r.pathParameter("contactId")))
                .add("GET", "/v1/opportunities", READ, opportunityList::list)
                .add("POST", "/v1/opportunities", WRITE, opportunities::create)
                .add(
                        "GET",
                        "/v1/opportunities/{opportunityId}",
                        READ,
                        r -> opportunities.get(r, r.pathParameter("opportunityId")))
                .add(
                        "PUT",
                        "/v1/opportunities/{opportunityId}",
                        WRITE,
                        r -> opportunities.update(r, r.pathParameter("opportunityId")))
                .add(
                        "PATCH",
                        "/v1/opportunities/{opportunityId}",
                        WRITE,
                        r -> opportunities.patch(r, r.pathParameter("opportunityId")))
                .add(
                        "GET",
                        "/v1/opportunities/{opportunityId}/history",
                        READ,
                        r -> opportunities.history(r, r.pathParameter("opportunityId")))
                .add(
                        "GET",
                        "/v1/opportunities/{opportunityId}/stages",
                        READ,
                        r -> opportunities.stages(r, r.pathParameter("opportunityId")))
                .add(
                        "POST",
                        "/v1/opportunities/{opportunityId}/restore",
                        DELETE,
                        r -> opportunities.restore(r, r.pathParameter("opportunityId")))
                .add(
                        "DELETE",
                        "/v1/opportunities/{opportunityId}",
                        DELETE,
                        r -> opportunities.delete(r, r.pathParameter("opportunityId")))
                .add("GET", "/v1/pipeline", READ, pipeline::summary)
                .add("GET", "/v1/pipeline/stages", READ, pipelineStages::get)
                .add("PUT", "/v1/pipeline/stages", DELETE, pipelineStages::replace)
                .add("GET", "/v1/deleted", READ, new Trash(store, clock)::list)
                .add("GET", "/v1/webhooks", READ, webhooks::list)
                .add("POST", "/v1/webhooks", DELETE, webhooks::register)
                .add("GET", "/v1/webhooks/{webhookId}", READ, r -> webhooks.get(r, r.pathParameter("webhookId")))
                .add(
                        "DELETE",
                        "/v1/webhooks/{webhookId}",
                        DELETE,
                        r -> webhooks.remove(r, r.pathParameter("webhookId")))
                .add(
                        "GET",
                        "/v1/webhooks/{webhookId}/deliveries",
                        READ,
                        r -> webhooks.deliveries(r, r.pathParameter("webhookId")))
                .add("GET", "/v1/activities", READ, activityList::list)
                .add("GET", "/v1/tasks", READ, this::openTasks)
                .add("GET", "/v1/search", READ, new Search(store, customers, contacts)::find)
                .add("POST", "/v1/activities", WRITE, activities::create)
                .add("GET", "/v1/activities/{activityId}", READ, r -> activities.get(r, r.pathParameter("activityId")))
                .add(
                        "PUT",
                        "/v1/activities/{activityId}",
                        WRITE,
                        r -> activities.update(r, r.pathParameter("activityId")))
                .add(
                        "PATCH",
                        "/v1/activities/{activityId}",
                        WRITE,
                        r -> activities.patch(r, r.pathParameter("activityId")))
                .add(
                        "GET",
                        "/v1/activities/{activityId}/history",
                        READ,
                        r -> activities.history(r, r.pathParameter("activityId")))
                .add(
                        "POST",
                        "/v1/activities/{activityId}/restore",
                        DELETE,
                        r -> activities.restore(r, r.pathParameter("activityId")))
                .add(
                        "DELETE",
                        "/v1/activities/{activityId}",
                        DELETE,
                        r -> activities.delete(r, r.pathParameter("activityId")))
                .add("POST", "/v1/reports", WRITE, jobs::startReport)
                .add("GET", "/v1/reports/{reportId}", READ, r -> jobs.status(r, r.pathParameter("reportId"), "report"))
                .add("POST", "/v1/imports", WRITE, jobs::createImport)
                .add("GET", "/v1/imports/{importId}", READ, r -> jobs.status(r, r.pathParameter("importId"), "import"))
                .add("POST", "/v1/imports/{importId}", WRITE, r -> jobs.startImport(r, r.pathParameter("importId")))
                .add("POST", "/v1/exports", WRITE, jobs::startExport)
                .add("GET", "/v1/exports/{exportId}", READ, r -> jobs.status(r, r.pathParameter("exportId"), "export"))
                .add("POST", "/v1/analyses", WRITE, jobs::startAnalysis)
                .add(
                        "GET",
                        "/v1/analyses/{analysisId}",
                        READ,
                        r -> jobs.status(r, r.pathParameter("analysisId"), "analytics"))
                .add("GET", "/v1/analytics/{metric}", READ, r -> pipeline.analytics(r, r.pathParameter("metric")));
    }

    public Router router() {
        return router;
    }

    /**
     * A customer with contacts, opportunities or activities is not deleted (409): its opportunities would stay in
     * the pipeline with no customer to show them under. Items created after this check cannot name the customer
     * once it is gone (their write checks it in the same transaction); one written in the instant before, while
     * the index does not show it yet, can.
     */
    private Response deleteCustomer(Request r, Store store) {
        String tenant = r.principal().tenantId();
        String customer = r.pathParameter("customerId");
        String partition = tenant + "#" + customer;
        List<String> kept = new java.util.ArrayList<>();
        if (store.any(com.zebros.crm.store.Table.CONTACTS, "byCustomer", "tenantCustomer", partition)) {
            kept.add("contacts");
        }
        if (store.any(com.zebros.crm.store.Table.OPPORTUNITIES, "byCustomer", "tenantCustomer", partition)) {
            kept.add("opportunities");
        }
        if (store.any(com.zebros.crm.store.Table.ACTIVITIES, "timeline", "tenantCustomer", partition)) {
            kept.add("activities");
        }
        if (!kept.isEmpty()) {
            throw ApiException.conflict(
                    "the customer still has " + String.join(", ", kept) + "; delete them first, then the customer");
        }
        return customers.delete(r, customer);
    }

    private Response byCustomer(Request r, Resource resource, String sortKey, boolean newestFirst) {
        r.allowOnly(Set.of("limit", "cursor"));
        String customer = r.pathParameter("customerId");
        customers.load(r.principal().tenantId(), customer);
        return resource.list(
                r,
                "byCustomer",
                "tenantCustomer",
                r.principal().tenantId() + "#" + customer,
                sortKey,
                KeyRange.ALL,
                newestFirst);
    }

    private Response timeline(Request r) {
        r.allowOnly(Set.of("limit", "cursor"));
        String customer = r.pathParameter("customerId");
        customers.load(r.principal().tenantId(), customer);
        return activities.list(
                r,
                "timeline",
                "tenantCustomer",
                r.principal().tenantId() + "#" + customer,
                "occurredKey",
                KeyRange.ALL,
                true);
    }

    private Response createContact(Request r) {
        JsonObject body = Json.object(r.body());
        String customer = r.pathParameter("customerId");
        if (body.has("customerId")
                && !(body.get("customerId").isJsonPrimitive()
                        && customer.equals(body.get("customerId").getAsString()))) {
            throw ApiException.invalid(
                    List.of(new ApiException.FieldError("customerId", "must match the customer in the path")));
        }
        body.addProperty("customerId", customer);
        return contacts.create(new Request(
                r.method(),
                r.path(),
                r.pathParameters(),
                r.query(),
                r.headers(),
                body.toString(),
                r.principal(),
                r.requestId()));
    }

    /** A user's open tasks, soonest due first (undated last): the caller's own unless {@code assignee} names another. */
    private Response openTasks(Request r) {
        r.allowOnly(Set.of("assignee", "limit", "cursor"));
        String assignee = r.queryParameter("assignee").orElse(r.principal().subject());
        if (assignee == null || !Field.isId(assignee)) {
            throw ApiException.invalid(List.of(new ApiException.FieldError(
                    "assignee",
                    "must be a user id: 1 to 64 letters, digits, '-' or '_' (without it, your own tasks)")));
        }
        String tenant = r.principal().tenantId();
        return activities.list(
                r, "openTasks", "tenantAssignee", tenant + "#" + assignee, "dueKey", KeyRange.ALL, false);
    }
}
