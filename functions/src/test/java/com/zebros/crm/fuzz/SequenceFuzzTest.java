package com.zebros.crm.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.zebros.crm.Service;
import com.zebros.crm.auth.Principal;
import com.zebros.crm.fuzz.CrmModel.Item;
import com.zebros.crm.fuzz.CrmModel.Kind;
import com.zebros.crm.http.Request;
import com.zebros.crm.http.Response;
import com.zebros.crm.local.Api;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Sequences of requests, not single ones: random creates, updates, deletes, reads, listings walked page
 * by page, pipelines, by two tenants and three roles, with ETags and cursors carried between requests
 * and replayed out of place (a stale version, another listing's cursor, another tenant's id, an
 * Idempotency-Key again). A model of what was written predicts every answer; after every step the
 * answer must be the predicted status, never a 5xx, a 4xx must be a problem document of its status,
 * every listing must hold exactly the model's items, and no answer may carry another tenant's id.
 * Seeded: sequence {@code i} runs on seed {@code fuzz.seed + i}; a failure prints that seed and the
 * steps that led to it, and {@code -Dfuzz.seed=<that seed> -Dfuzz.sequences=1} replays it alone.
 */
class SequenceFuzzTest {
    private static final long SEED = Long.getLong("fuzz.seed", 20261206L);
    private static final int SEQUENCES = Integer.getInteger("fuzz.sequences", 2_000);
    private static final List<String> STAGES =
            List.of("prospecting", "qualification", "proposal", "negotiation", "closed-won", "closed-lost");
    private static final List<String> OWNERS = List.of("owner-1", "owner-2");
    private static final List<String> ROLES = List.of(
            Principal.ADMIN, Principal.ADMIN, Principal.ADMIN, Principal.USER, Principal.USER, Principal.READ_ONLY);

    @Test
    void everySequenceIsAnsweredAsTheModelPredicts() {
        List<String> failures = new ArrayList<>();
        int[] statuses = new int[6];
        int steps = 0;
        PrintStream out = System.out;
        // Every request logs a line and a metric record; two thousand sequences of them would drown the report. The
        // service is built here, on the shared DynamoDB Local, so its log is the silenced stream.
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            Service service = Service.fromEnvironment(Api.server().dynamo().environment());
            for (int i = 0; i < SEQUENCES && failures.size() < 5; i++) {
                Sequence sequence = new Sequence(service, SEED + i, statuses);
                try {
                    sequence.run();
                } catch (AssertionError | RuntimeException e) {
                    failures.add("seed " + (SEED + i) + ": " + e.getMessage() + "\n  steps:\n    "
                            + String.join("\n    ", sequence.log));
                }
                steps += sequence.log.size();
            }
        } finally {
            System.setOut(out);
        }
        assertTrue(
                failures.isEmpty(),
                failures.size() + " sequence(s) failed (replay one with -Dfuzz.seed=<seed> " + "-Dfuzz.sequences=1):\n"
                        + String.join("\n", failures));
        System.out.printf(
                "stateful fuzz from seed %d: %d sequences, %d requests: %d 2xx, %d 4xx, %d 5xx%n",
                SEED, SEQUENCES, steps, statuses[2], statuses[4], statuses[5]);
    }

    /** One sequence: two fresh tenants, a model, and the cursors and keys it has handed out. */
    private static final class Sequence {
        private final Service service;
        private final Random random;
        private final int[] statuses;
        private final String[] tenants;
        private final CrmModel model = new CrmModel();
        private final List<String> log = new ArrayList<>();
        private final List<Cursor> cursors = new ArrayList<>();
        private final List<Keyed> keyed = new ArrayList<>();
        private final Map<String, Long> staleVersions = new HashMap<>();
        private String tenant;
        private String role;

        record Cursor(String tenant, Listing listing, String cursor) {}

        record Keyed(String tenant, String path, String key, String body, int status, String id) {}

        /** A listing as a client names it, and the items it must hold. */
        record Listing(String path, Map<String, String> query, Kind kind, String customer, String stage, String owner) {
            String describe() {
                return path + (query.isEmpty() ? "" : "?" + query);
            }
        }

        Sequence(Service service, long seed, int[] statuses) {
            this.service = service;
            this.random = new Random(seed);
            this.statuses = statuses;
            String prefix = "seq-" + seed + "-" + Long.toHexString(random.nextLong());
            this.tenants = new String[] {prefix + "-a", prefix + "-b"};
        }

        void run() {
            seed();
            int length = 6 + random.nextInt(10);
            for (int step = 0; step < length; step++) {
                tenant = random.nextInt(10) < 7 ? tenants[0] : tenants[1];
                role = ROLES.get(random.nextInt(ROLES.size()));
                int pick = random.nextInt(100);
                if (pick < 15) {
                    createCustomer();
                } else if (pick < 25) {
                    createContact();
                } else if (pick < 35) {
                    createOpportunity();
                } else if (pick < 45) {
                    createActivity();
                } else if (pick < 56) {
                    update();
                } else if (pick < 64) {
                    delete();
                } else if (pick < 72) {
                    read();
                } else if (pick < 85) {
                    list();
                } else if (pick < 91) {
                    replayCursor();
                } else if (pick < 95) {
                    pipeline();
                } else {
                    replayKey();
                }
            }
        }

        /**
         * The first tenant's start: two customers, the first with a contact and an opportunity (and sometimes an
         * activity naming both), so deletes, links and listings meet items from the first random step on.
         */
        private void seed() {
            tenant = tenants[0];
            role = Principal.ADMIN;
            createCustomer();
            createCustomer();
            String first = model.all(tenant, Kind.CUSTOMER).get(0).id();
            create(
                    Kind.CONTACT,
                    "/v1/customers/" + first + "/contacts",
                    "{\"firstName\":\"A\",\"lastName\":\"B\"}",
                    first,
                    null,
                    null,
                    null,
                    null,
                    true);
            String owner = OWNERS.get(random.nextInt(OWNERS.size()));
            String stage = STAGES.get(random.nextInt(STAGES.size()));
            create(
                    Kind.OPPORTUNITY,
                    "/v1/opportunities",
                    opportunityBody(first, stage, owner),
                    first,
                    null,
                    null,
                    stage,
                    owner,
                    true);
            if (random.nextBoolean()) {
                String contact = model.all(tenant, Kind.CONTACT).get(0).id();
                String opportunity = model.all(tenant, Kind.OPPORTUNITY).get(0).id();
                create(
                        Kind.ACTIVITY,
                        "/v1/activities",
                        activityBody(first, contact, opportunity, owner, "Call"),
                        first,
                        contact,
                        opportunity,
                        null,
                        owner,
                        true);
            }
        }

        // ---- writes ---------------------------------------------------------------------------------

        private boolean writes() {
            return !role.equals(Principal.READ_ONLY);
        }

        private void createCustomer() {
            String body = "{\"name\":\"Customer " + random.nextInt(1000) + "\"}";
            create(Kind.CUSTOMER, "/v1/customers", body, null, null, null, null, null, true);
        }

        private void createContact() {
            String customer = customerToName();
            String body =
                    "{\"firstName\":\"F" + random.nextInt(100) + "\",\"lastName\":\"L" + random.nextInt(100) + "\"}";
            create(
                    Kind.CONTACT,
                    "/v1/customers/" + customer + "/contacts",
                    body,
                    customer,
                    null,
                    null,
                    null,
                    null,
                    isOwn(customer, Kind.CUSTOMER));
        }

        private void createOpportunity() {
            String customer = customerToName();
            String stage = STAGES.get(random.nextInt(STAGES.size()));
            String owner = OWNERS.get(random.nextInt(OWNERS.size()));
            create(
                    Kind.OPPORTUNITY,
                    "/v1/opportunities",
                    opportunityBody(customer, stage, owner),
                    customer,
                    null,
                    null,
                    stage,
                    owner,
                    isOwn(customer, Kind.CUSTOMER));
        }

        private void createActivity() {
            String customer = customerToName();
            String contact = random.nextBoolean() ? linkToName(Kind.CONTACT) : null;
            String opportunity = random.nextBoolean() ? linkToName(Kind.OPPORTUNITY) : null;
            String owner = OWNERS.get(random.nextInt(OWNERS.size()));
            boolean valid = isOwn(customer, Kind.CUSTOMER)
                    && linkHolds(contact, Kind.CONTACT, customer)
                    && linkHolds(opportunity, Kind.OPPORTUNITY, customer);
            create(
                    Kind.ACTIVITY,
                    "/v1/activities",
                    activityBody(customer, contact, opportunity, owner, "Call"),
                    customer,
                    contact,
                    opportunity,
                    null,
                    owner,
                    valid);
        }

        private void create(
                Kind kind,
                String path,
                String body,
                String customer,
                String contact,
                String opportunity,
                String stage,
                String owner,
                boolean valid) {
            String key = random.nextInt(3) == 0 ? "key-" + Long.toHexString(random.nextLong()) : null;
            Response response = key == null
                    ? send("POST", path, Map.of(), body)
                    : send("POST", path, Map.of(), body, "Idempotency-Key", key);
            int expected = !writes() ? 403 : valid ? 201 : 400;
            expect(expected, response);
            if (response.status() == 201) {
                JsonObject json = json(response);
                String id = json.get("id").getAsString();
                check(
                        ("/v1/" + kind.collection + "/" + id)
                                .equals(response.headers().get("Location")),
                        "Location " + response.headers().get("Location") + " is the item's own route");
                check("\"1\"".equals(response.headers().get("ETag")), "a new item's ETag is \"1\"");
                model.put(tenant, new Item(kind, id, customer, contact, opportunity, stage, owner, 1));
                if (key != null) {
                    keyed.add(new Keyed(tenant, path, key, body, 201, id));
                }
            }
        }

        private void update() {
            Item item = anyItem();
            if (item == null) {
                return;
            }
            Item current = model.find(tenant, item.id()).orElse(null);
            long version = current != null && random.nextInt(4) > 0
                    ? current.version()
                    : staleVersions.getOrDefault(item.id(), item.version() + 1 + random.nextInt(2));
            String newStage = STAGES.get(random.nextInt(STAGES.size()));
            String newContact = item.contactId();
            String newOpportunity = item.opportunityId();
            if (item.kind() == Kind.ACTIVITY && random.nextBoolean()) {
                newContact = linkToName(Kind.CONTACT);
                newOpportunity = random.nextBoolean() ? linkToName(Kind.OPPORTUNITY) : item.opportunityId();
            }
            String body = switch (item.kind()) {
                case CUSTOMER -> "{\"name\":\"Renamed " + random.nextInt(1000) + "\"}";
                case CONTACT -> "{\"customerId\":\"" + item.customerId() + "\",\"firstName\":\"G\",\"lastName\":\"H\"}";
                case OPPORTUNITY -> opportunityBody(item.customerId(), newStage, item.owner());
                case ACTIVITY -> activityBody(item.customerId(), newContact, newOpportunity, item.owner(), "Updated");
            };
            Response response = send(
                    "PUT",
                    "/v1/" + item.kind().collection + "/" + item.id(),
                    Map.of(),
                    body,
                    "If-Match",
                    "\"" + version + "\"");
            int expected;
            if (!writes()) {
                expected = 403;
            } else if (current == null) {
                expected = 404;
            } else if (item.kind() == Kind.ACTIVITY
                    && (changedAndBroken(current.contactId(), newContact, Kind.CONTACT, current)
                            || changedAndBroken(current.opportunityId(), newOpportunity, Kind.OPPORTUNITY, current))) {
                expected = 400;
            } else if (version != current.version()) {
                expected = 412;
            } else {
                expected = 200;
            }
            expect(expected, response);
            if (response.status() == 200) {
                staleVersions.put(current.id(), current.version());
                Item next = new Item(
                        current.kind(),
                        current.id(),
                        current.customerId(),
                        current.kind() == Kind.ACTIVITY ? newContact : null,
                        current.kind() == Kind.ACTIVITY ? newOpportunity : null,
                        current.kind() == Kind.OPPORTUNITY ? newStage : current.stage(),
                        current.owner(),
                        current.version() + 1);
                model.put(tenant, next);
                check(
                        ("\"" + next.version() + "\"").equals(response.headers().get("ETag")),
                        "the ETag is the new version");
            }
            if (response.status() == 412) {
                check(
                        ("\"" + current.version() + "\"")
                                .equals(response.headers().get("ETag")),
                        "a 412 names the current version");
            }
        }

        private boolean changedAndBroken(String was, String now, Kind kind, Item activity) {
            return now != null && !now.equals(was) && !linkHolds(now, kind, activity.customerId());
        }

        private void delete() {
            Item item = anyItem();
            if (item == null) {
                return;
            }
            Item current = model.find(tenant, item.id()).orElse(null);
            boolean withVersion = random.nextBoolean();
            long version = current != null && random.nextInt(3) > 0 ? current.version() : item.version() + 1;
            Response response = withVersion
                    ? send(
                            "DELETE",
                            "/v1/" + item.kind().collection + "/" + item.id(),
                            Map.of(),
                            null,
                            "If-Match",
                            "\"" + version + "\"")
                    : send("DELETE", "/v1/" + item.kind().collection + "/" + item.id(), Map.of(), null);
            int expected;
            if (!role.equals(Principal.ADMIN)) {
                expected = 403;
            } else if (item.kind() == Kind.CUSTOMER
                    && !model.childrenOf(tenant, item.id()).isEmpty()) {
                expected = 409;
            } else if (current == null) {
                expected = 404;
            } else if (withVersion && version != current.version()) {
                expected = 412;
            } else {
                expected = 204;
            }
            expect(expected, response);
            if (response.status() == 204) {
                model.remove(tenant, item.id());
            }
        }

        // ---- reads ----------------------------------------------------------------------------------

        private void read() {
            Item item = anyItem();
            if (item == null) {
                return;
            }
            Response response = send("GET", "/v1/" + item.kind().collection + "/" + item.id(), Map.of(), null);
            Item current = model.find(tenant, item.id()).orElse(null);
            expect(current == null ? 404 : 200, response);
            if (current != null) {
                check(
                        json(response).get("version").getAsLong() == current.version(),
                        "the version read is the model's");
            }
        }

        private void list() {
            Listing listing = anyListing();
            Map<String, String> query = new LinkedHashMap<>(listing.query());
            query.put("limit", String.valueOf(1 + random.nextInt(3)));
            Set<String> seen = new HashSet<>();
            boolean nestedMissing = listing.customer() != null && !isOwn(listing.customer(), Kind.CUSTOMER);
            for (int page = 0; page < 100; page++) {
                Response response = send("GET", listing.path(), query, null);
                expect(nestedMissing ? 404 : 200, response);
                if (response.status() != 200) {
                    return;
                }
                JsonObject body = json(response);
                for (JsonElement item : body.getAsJsonArray("items")) {
                    check(
                            seen.add(item.getAsJsonObject().get("id").getAsString()),
                            "an item listed twice in " + listing.describe());
                }
                JsonElement next = body.get("nextCursor");
                if (next == null || next.isJsonNull()) {
                    Set<String> expected =
                            model.listing(tenant, listing.kind(), listing.customer(), listing.stage(), listing.owner());
                    check(
                            seen.equals(expected),
                            listing.describe() + " listed " + seen + ", the model holds " + expected);
                    return;
                }
                if (page == 0) {
                    cursors.add(new Cursor(tenant, listing, next.getAsString()));
                }
                query.put("cursor", next.getAsString());
            }
            throw new AssertionError(listing.describe() + " did not end after 100 pages");
        }

        private void replayCursor() {
            if (cursors.isEmpty()) {
                list();
                return;
            }
            Cursor saved = cursors.get(random.nextInt(cursors.size()));
            Listing target = random.nextBoolean() ? saved.listing() : anyListing();
            Map<String, String> query = new LinkedHashMap<>(target.query());
            query.put("cursor", saved.cursor());
            Response response = send("GET", target.path(), query, null);
            boolean sameScope = target.equals(saved.listing()) && tenant.equals(saved.tenant());
            int expected =
                    target.customer() != null && !isOwn(target.customer(), Kind.CUSTOMER) ? 404 : sameScope ? 200 : 400;
            expect(expected, response);
            if (response.status() == 200) {
                // A stale cursor of its own listing pages on from where it was: whatever it returns is in the listing
                // now.
                Set<String> now =
                        model.listing(tenant, target.kind(), target.customer(), target.stage(), target.owner());
                for (JsonElement item : json(response).getAsJsonArray("items")) {
                    String id = item.getAsJsonObject().get("id").getAsString();
                    check(now.contains(id), id + " returned by a replayed cursor is not in " + target.describe());
                }
            }
        }

        private void pipeline() {
            Response response = send("GET", "/v1/pipeline", Map.of(), null);
            expect(200, response);
            Map<String, Integer> counted = new HashMap<>();
            for (JsonElement row : json(response).getAsJsonArray("stages")) {
                int count = row.getAsJsonObject().get("count").getAsInt();
                if (count > 0) {
                    counted.put(row.getAsJsonObject().get("stage").getAsString(), count);
                }
            }
            check(
                    counted.equals(model.pipeline(tenant)),
                    "the pipeline counts " + counted + ", the model " + model.pipeline(tenant));
        }

        private void replayKey() {
            if (keyed.isEmpty()) {
                createCustomer();
                return;
            }
            Keyed earlier = keyed.get(random.nextInt(keyed.size()));
            tenant = earlier.tenant();
            boolean sameBody = random.nextInt(3) > 0;
            String body = sameBody ? earlier.body() : earlier.body().replaceFirst("\\{", "{\"ignored\":1,");
            Response response = send("POST", earlier.path(), Map.of(), body, "Idempotency-Key", earlier.key());
            if (!writes()) {
                expect(403, response);
            } else if (sameBody) {
                expect(earlier.status(), response);
                check("true".equals(response.headers().get("Idempotent-Replayed")), "a replay says so");
                check(earlier.id().equals(json(response).get("id").getAsString()), "a replay answers the same item");
                check(
                        response.headers().get("Location") != null
                                && response.headers().get("ETag") != null,
                        "a replay keeps Location and ETag");
            } else {
                expect(422, response);
            }
        }

        // ---- choices --------------------------------------------------------------------------------

        /** A customer id to name: the actor's own (usually), the other tenant's, a deleted one, or one never made. */
        private String customerToName() {
            int pick = random.nextInt(10);
            List<Item> own = model.all(tenant, Kind.CUSTOMER);
            if (pick < 7 && !own.isEmpty()) {
                return own.get(random.nextInt(own.size())).id();
            }
            List<Item> other = model.all(tenant.equals(tenants[0]) ? tenants[1] : tenants[0], Kind.CUSTOMER);
            if (pick < 9 && !other.isEmpty()) {
                return other.get(random.nextInt(other.size())).id();
            }
            return "cus_" + hex();
        }

        /** A contact or opportunity of the actor, of any of its customers, or one that does not exist. */
        private String linkToName(Kind kind) {
            List<Item> own = model.all(tenant, kind);
            if (random.nextInt(5) > 0 && !own.isEmpty()) {
                return own.get(random.nextInt(own.size())).id();
            }
            return (kind == Kind.CONTACT ? "con_" : "opp_") + hex();
        }

        private boolean linkHolds(String id, Kind kind, String customer) {
            return id == null
                    || model.find(tenant, id)
                            .filter(i -> i.kind() == kind && customer.equals(i.customerId()))
                            .isPresent();
        }

        private boolean isOwn(String id, Kind kind) {
            return model.find(tenant, id).filter(i -> i.kind() == kind).isPresent();
        }

        /** An item the actor owns, one the other tenant owns (its id must 404 here), or null when there is none. */
        private Item anyItem() {
            List<Item> all = new ArrayList<>(model.of(tenant).values());
            if (random.nextInt(6) == 0) {
                all = new ArrayList<>(model.of(tenant.equals(tenants[0]) ? tenants[1] : tenants[0])
                        .values());
            }
            return all.isEmpty() ? null : all.get(random.nextInt(all.size()));
        }

        private Listing anyListing() {
            List<Item> customers = model.all(tenant, Kind.CUSTOMER);
            String customer = customers.isEmpty() || random.nextInt(5) == 0
                    ? "cus_" + hex()
                    : customers.get(random.nextInt(customers.size())).id();
            String stage = STAGES.get(random.nextInt(STAGES.size()));
            String owner = OWNERS.get(random.nextInt(OWNERS.size()));
            return switch (random.nextInt(13)) {
                case 0 -> new Listing("/v1/customers", Map.of(), Kind.CUSTOMER, null, null, null);
                case 1 ->
                    new Listing(
                            "/v1/customers/" + customer + "/contacts", Map.of(), Kind.CONTACT, customer, null, null);
                case 2 ->
                    new Listing(
                            "/v1/customers/" + customer + "/opportunities",
                            Map.of(),
                            Kind.OPPORTUNITY,
                            customer,
                            null,
                            null);
                case 3 ->
                    new Listing(
                            "/v1/customers/" + customer + "/timeline", Map.of(), Kind.ACTIVITY, customer, null, null);
                case 4 -> new Listing("/v1/opportunities", Map.of(), Kind.OPPORTUNITY, null, null, null);
                case 5 -> new Listing("/v1/opportunities", Map.of("stage", stage), Kind.OPPORTUNITY, null, stage, null);
                case 6 -> new Listing("/v1/opportunities", Map.of("owner", owner), Kind.OPPORTUNITY, null, null, owner);
                case 7 -> new Listing("/v1/activities", Map.of(), Kind.ACTIVITY, null, null, null);
                // The combined filters and sorts (Listings): each is one index partition the model can select.
                case 9 ->
                    new Listing(
                            "/v1/opportunities",
                            Map.of("owner", owner, "stage", stage, "sort", "-expectedCloseDate"),
                            Kind.OPPORTUNITY,
                            null,
                            stage,
                            owner);
                case 10 ->
                    new Listing(
                            "/v1/opportunities",
                            Map.of("currency", "EUR", "amount.gte", "0"),
                            Kind.OPPORTUNITY,
                            null,
                            null,
                            null);
                case 11 ->
                    new Listing("/v1/opportunities", Map.of("sort", "-updatedAt"), Kind.OPPORTUNITY, null, null, null);
                case 12 -> new Listing("/v1/customers", Map.of("sort", "createdAt"), Kind.CUSTOMER, null, null, null);
                default -> new Listing("/v1/activities", Map.of("owner", owner), Kind.ACTIVITY, null, null, owner);
            };
        }

        private String hex() {
            return String.format("%016x%016x", random.nextLong(), random.nextLong());
        }

        private static String opportunityBody(String customer, String stage, String owner) {
            return "{\"customerId\":\"" + customer
                    + "\",\"name\":\"Deal\",\"amount\":{\"value\":\"100.00\",\"currency\":\"EUR\"}," + "\"stage\":\""
                    + stage + "\",\"expectedCloseDate\":\"2027-02-01\",\"ownerId\":\"" + owner + "\"}";
        }

        private static String activityBody(
                String customer, String contact, String opportunity, String owner, String subject) {
            return "{\"customerId\":\"" + customer + "\",\"type\":\"call\",\"subject\":\"" + subject + "\""
                    + (contact == null ? "" : ",\"contactId\":\"" + contact + "\"")
                    + (opportunity == null ? "" : ",\"opportunityId\":\"" + opportunity + "\"")
                    + ",\"occurredAt\":\"2026-11-02T09:00:00Z\",\"ownerId\":\"" + owner + "\"}";
        }

        // ---- the wire and the invariants ------------------------------------------------------------

        private Response send(String method, String path, Map<String, String> query, String body, String... headers) {
            Map<String, String> map = new LinkedHashMap<>();
            for (int i = 0; i < headers.length; i += 2) {
                map.put(headers[i], headers[i + 1]);
            }
            if (body != null) {
                map.put("Content-Type", "application/json");
            }
            Response response = service.handle(new Request(
                    method,
                    path,
                    Map.of(),
                    query,
                    map,
                    body,
                    new Principal(tenant, "user-" + role, Set.of(role)),
                    "seq"));
            statuses[Math.min(5, response.status() / 100)]++;
            log.add(method + " " + path + (query.isEmpty() ? "" : " " + query) + " as "
                    + tenant.substring(tenant.length() - 1) + "/" + role + " -> " + response.status()
                    + (response.status() >= 400 ? " " + detail(response) : ""));
            check(response.status() < 500, "answered " + response.status() + ": " + response.body());
            if (response.status() >= 400) {
                check(
                        String.valueOf(response.headers().get("Content-Type")).startsWith("application/problem+json"),
                        "a " + response.status() + " without a problem document type");
                check(
                        json(response).get("status").getAsInt() == response.status(),
                        "a problem document of another status");
            }
            if (response.status() < 300) {
                // (A refusal may echo an id the caller sent; an answer with data may carry none of another tenant's.)
                for (String other : model.othersIds(tenant)) {
                    check(!response.body().contains(other), "the answer carries " + other + ", another tenant's id");
                }
            }
            return response;
        }

        private void expect(int status, Response response) {
            check(
                    response.status() == status,
                    "expected " + status + ", got " + response.status() + ": " + response.body());
        }

        private static void check(boolean condition, String message) {
            if (!condition) {
                throw new AssertionError(message);
            }
        }

        private static JsonObject json(Response response) {
            return JsonParser.parseString(response.body()).getAsJsonObject();
        }

        private static String detail(Response response) {
            try {
                JsonElement detail = json(response).get("detail");
                return detail == null ? "" : detail.getAsString();
            } catch (RuntimeException e) {
                return "";
            }
        }
    }
}
