package com.zebros.crm;

import static com.zebros.crm.local.Api.admin;
import static com.zebros.crm.local.Api.get;
import static com.zebros.crm.local.Api.patch;
import static com.zebros.crm.local.Api.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.zebros.crm.crm.SortKeys;
import com.zebros.crm.local.Api;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Combined filters, sorts, ranges and keyset pagination on the list endpoints, against DynamoDB Local: every
 * combination a list serves is paged through (3 items a page) in both orders and with each range operator, and
 * compared with the same selection made in memory from the items the API returned when they were written.
 */
class ListingTest {
    private final String tenant = "listing-" + UUID.randomUUID();
    private final String token = admin(tenant);

    /** Every item of a listing, page by page, by id. */
    private List<String> all(String path, String query) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String url = path + "?limit=3" + (query.isEmpty() ? "" : "&" + query)
                    + (cursor == null ? "" : "&cursor=" + cursor);
            var reply = get(url, token);
            assertEquals(200, reply.status(), url + " → " + reply.body());
            var items = reply.json().getAsJsonArray("items");
            assertTrue(items.size() <= 3, "a page holds at most limit items");
            items.forEach(i -> ids.add(i.getAsJsonObject().get("id").getAsString()));
            JsonElement next = reply.json().get("nextCursor");
            cursor = next == null || next.isJsonNull() ? null : next.getAsString();
            assertTrue(++pages < 100, "a listing ends");
        } while (cursor != null);
        return ids;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static List<String> expected(
            List<JsonObject> items,
            Predicate<JsonObject> filter,
            Function<JsonObject, String> key,
            boolean descending) {
        Comparator<JsonObject> order = Comparator.comparing((JsonObject o) -> key.apply(o))
                .thenComparing(o -> o.get("id").getAsString());
        return items.stream()
                .filter(filter)
                .sorted(descending ? order.reversed() : order)
                .map(o -> o.get("id").getAsString())
                .toList();
    }

    private static String s(JsonObject o, String field) {
        return o.has(field) ? o.get(field).getAsString() : null;
    }

    private static String cents(JsonObject o) {
        return SortKeys.cents(
                new BigDecimal(o.getAsJsonObject("amount").get("value").getAsString()));
    }

    private JsonObject opportunity(String customer, int i) {
        String[] stages = {"prospecting", "proposal", "closed-won"};
        String[] owners = {"ann", "bob"};
        String[] currencies = {"EUR", "USD"};
        String body = "{\"customerId\":\"" + customer + "\",\"name\":\"Deal " + i + "\",\"amount\":{\"value\":\""
                + (i * 7919 % 50000) + "." + (i % 10) + "0\",\"currency\":\"" + currencies[i % 2] + "\"},\"stage\":\""
                + stages[i % 3] + "\",\"expectedCloseDate\":\"2027-0" + (1 + i % 4) + "-1" + (i % 5)
                + "\",\"ownerId\":\"" + owners[(i / 2) % 2] + "\"}";
        var reply = post("/v1/opportunities", token, body);
        assertEquals(201, reply.status(), reply.body());
        return reply.json();
    }

    @Test
    void everyOpportunityCombinationIsPagedInKeyOrderWithEachRangeOperator() {
        String customer = Api.customer(tenant, "Listing Corp");
        List<JsonObject> deals = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            deals.add(opportunity(customer, i));
        }
        // One deal changed later: its updatedAt and its stage move it in the listings that order or filter by them.
        JsonObject moved = deals.get(5);
        var patched = patch(
                "/v1/opportunities/" + moved.get("id").getAsString(),
                token,
                "{\"stage\":\"negotiation\"}",
                "If-Match",
                "\"1\"");
        assertEquals(200, patched.status(), patched.body());
        deals.set(5, patched.json());

        Map<String, Predicate<JsonObject>> filters = new LinkedHashMap<>();
        filters.put("", o -> true);
        filters.put("stage=proposal", o -> s(o, "stage").equals("proposal"));
        filters.put("owner=ann", o -> s(o, "ownerId").equals("ann"));
        filters.put(
                "owner=bob&stage=closed-won",
                o -> s(o, "ownerId").equals("bob") && s(o, "stage").equals("closed-won"));
        for (var filter : filters.entrySet()) {
            for (boolean descending : List.of(false, true)) {
                String query = (filter.getKey().isEmpty() ? "" : filter.getKey() + "&") + "sort="
                        + (descending ? "-" : "") + "expectedCloseDate";
                assertEquals(
                        expected(deals, filter.getValue(), o -> s(o, "expectedCloseDate"), descending),
                        all("/v1/opportunities", query),
                        query);
            }
            for (var range : ranges("expectedCloseDate", "2027-02-12", o -> s(o, "expectedCloseDate"))
                    .entrySet()) {
                String query = (filter.getKey().isEmpty() ? "" : filter.getKey() + "&") + range.getKey();
                assertEquals(
                        expected(deals, filter.getValue().and(range.getValue()), o -> s(o, "expectedCloseDate"), false),
                        all("/v1/opportunities", query),
                        query);
            }
        }
        Function<JsonObject, String> amount = ListingTest::cents;
        for (String currency : List.of("EUR", "usd")) {
            Predicate<JsonObject> inCurrency = o ->
                    o.getAsJsonObject("amount").get("currency").getAsString().equals(currency.toUpperCase(Locale.ROOT));
            assertEquals(
                    expected(deals, inCurrency, amount, true),
                    all("/v1/opportunities", "currency=" + currency),
                    "by amount, largest first without a sort");
            assertEquals(
                    expected(deals, inCurrency, amount, false),
                    all("/v1/opportunities", "currency=" + currency + "&sort=amount"));
            Predicate<JsonObject> proposals = inCurrency.and(o -> s(o, "stage").equals("proposal"));
            assertEquals(
                    expected(deals, proposals, amount, true),
                    all("/v1/opportunities", "stage=proposal&currency=" + currency + "&sort=-amount"));
            for (var range : ranges("amount", "23000.50", o -> cents(o)).entrySet()) {
                assertEquals(
                        expected(deals, inCurrency.and(range.getValue()), amount, true),
                        all("/v1/opportunities", "currency=" + currency + "&" + range.getKey()),
                        range.getKey());
            }
        }
        assertEquals(
                expected(deals, o -> true, o -> SortKeys.instant(s(o, "updatedAt")), true),
                all("/v1/opportunities", "sort=-updatedAt"));
        assertEquals(
                moved.get("id").getAsString(),
                all("/v1/opportunities", "sort=-updatedAt").get(0),
                "the deal changed last comes first by time updated");
        String since = s(deals.get(5), "updatedAt");
        assertEquals(
                List.of(moved.get("id").getAsString()),
                all("/v1/opportunities", "updatedAt.gte=" + encode(since)),
                "what changed since an instant: what an integration syncs");
        assertEquals(
                expected(deals, o -> true, o -> o.get("id").getAsString(), false),
                all("/v1/opportunities", ""),
                "without filter or sort: by id, as before");
        assertEquals(
                List.of(),
                all("/v1/opportunities", "expectedCloseDate.gt=2027-03-01&expectedCloseDate.lt=2027-02-01"),
                "a range whose low is above its high is empty, not an error");
    }

    /** The four operators around {@code value}, each with the selection it means; {@code key} is the field's sort key. */
    private static Map<String, Predicate<JsonObject>> ranges(
            String field, String value, Function<JsonObject, String> key) {
        String bound = field.equals("amount") ? SortKeys.cents(new BigDecimal(value)) : value;
        Map<String, Predicate<JsonObject>> ranges = new LinkedHashMap<>();
        ranges.put(field + ".gte=" + value, o -> key.apply(o).compareTo(bound) >= 0);
        ranges.put(field + ".gt=" + value, o -> key.apply(o).compareTo(bound) > 0);
        ranges.put(field + ".lte=" + value, o -> key.apply(o).compareTo(bound) <= 0);
        ranges.put(field + ".lt=" + value, o -> key.apply(o).compareTo(bound) < 0);
        ranges.put(field + ".gt=" + value + "&" + field + ".lte=" + value, o -> false);
        return ranges;
    }

    @Test
    void customersAreListedByIndustryOwnerNameAndTime() {
        List<JsonObject> customers = new ArrayList<>();
        String[] industries = {"SaaS", "saas ", "Retail", null};
        for (int i = 0; i < 14; i++) {
            String industry = industries[i % 4];
            var reply = post(
                    "/v1/customers",
                    token,
                    "{\"name\":\"" + (char) ('A' + (i * 5) % 14) + " customer " + i + "\""
                            + (industry == null ? "" : ",\"industry\":\"" + industry + "\"")
                            + (i % 3 == 0 ? "" : ",\"ownerId\":\"owner-" + (i % 3) + "\"") + "}");
            assertEquals(201, reply.status(), reply.body());
            customers.add(reply.json());
        }
        Function<JsonObject, String> name = o -> s(o, "name").toLowerCase(Locale.ROOT);
        Predicate<JsonObject> saas =
                o -> o.has("industry") && s(o, "industry").trim().equalsIgnoreCase("saas");
        assertEquals(
                expected(customers, saas, name, false),
                all("/v1/customers", "industry=SAAS"),
                "an industry is matched whatever its case and spaces");
        assertEquals(
                expected(customers, o -> "owner-1".equals(s(o, "ownerId")), name, true),
                all("/v1/customers", "owner=owner-1&sort=-name"));
        assertEquals(
                expected(customers, saas.and(o -> name.apply(o).startsWith("c")), name, false),
                all("/v1/customers", "industry=saas&q=C"),
                "a name prefix within an industry");
        assertEquals(expected(customers, o -> true, name, false), all("/v1/customers", "sort=name"));
        Function<JsonObject, String> created = o -> SortKeys.instant(s(o, "createdAt"));
        assertEquals(expected(customers, o -> true, created, true), all("/v1/customers", "sort=-createdAt"));
        String from = s(customers.get(6), "createdAt");
        assertEquals(
                expected(customers, o -> created.apply(o).compareTo(SortKeys.instant(from)) >= 0, created, false),
                all("/v1/customers", "createdAt.gte=" + encode(from) + "&sort=createdAt"));
        assertEquals(
                expected(customers, o -> true, o -> SortKeys.instant(s(o, "updatedAt")), true),
                all("/v1/customers", "updatedAt.gte=2000-01-01"),
                "a date bound is its start, UTC");
    }

    @Test
    void anUnservedCombinationIsA400NamingTheServedOnesAndBadValuesNameTheirField() {
        for (String query : List.of(
                "stage=proposal&currency=EUR&sort=expectedCloseDate",
                "amount.gte=100",
                "owner=ann&currency=EUR",
                "sort=expectedCloseDate&amount.gte=5",
                "sort=name",
                "stage=proposal&sort=updatedAt",
                "expectedCloseDate.gte=2027-01-01&updatedAt.gte=2027-01-01")) {
            var reply = get("/v1/opportunities?" + query, token);
            assertEquals(400, reply.status(), query + " → " + reply.body());
            String detail = reply.json().get("detail").getAsString();
            assertTrue(
                    detail.startsWith("no index serves ")
                            && detail.contains("this list serves: no filter, sorted by id; ")
                            && detail.contains(
                                    "owner + stage, sorted by expectedCloseDate (ranges on expectedCloseDate)")
                            && detail.contains("stage + currency, sorted by amount (ranges on amount)"),
                    detail);
        }
        var customers = get("/v1/customers?industry=saas&owner=o", token);
        assertEquals(400, customers.status());
        assertTrue(
                customers.json().get("detail").getAsString().contains("q (a name prefix) with a name sort"),
                customers.body());
        assertEquals(
                400,
                get("/v1/activities?sort=occurredAt", token).status(),
                "all activities by time would need an index");

        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("expectedCloseDate.gte=2027-13-01", "expectedCloseDate.gte");
        bad.put("currency=EURO", "currency");
        bad.put("currency=EUR&amount.lt=-1", "amount.lt");
        bad.put("currency=EUR&amount.lt=1.234", "amount.lt");
        bad.put("updatedAt.gt=yesterday", "updatedAt.gt");
        bad.put("updatedAt.gt=%2B10000-01-01T00:00:00Z", "updatedAt.gt");
        bad.put("owner=" + "x".repeat(65), "owner");
        for (var entry : bad.entrySet()) {
            var reply = get("/v1/opportunities?" + entry.getKey(), token);
            assertEquals(400, reply.status(), entry.getKey() + " → " + reply.body());
            assertEquals(
                    entry.getValue(),
                    reply.json()
                            .getAsJsonArray("errors")
                            .get(0)
                            .getAsJsonObject()
                            .get("field")
                            .getAsString(),
                    reply.body());
        }
        var unknownStage = get("/v1/opportunities?stage=nowhere&sort=expectedCloseDate", token);
        assertEquals(400, unknownStage.status(), unknownStage.body());
        var typo = get("/v1/opportunities?expectedCloseDate.after=2027-01-01", token);
        assertEquals(400, typo.status());
        assertTrue(
                typo.json().get("detail").getAsString().contains("expectedCloseDate.gte"),
                "the allowed names are listed: " + typo.body());
    }

    @Test
    void aCursorServesOnlyTheListingItCameFromAndNoOtherTenantsItems() {
        String customer = Api.customer(tenant, "Cursor Co");
        for (int i = 0; i < 5; i++) {
            opportunity(customer, i * 2);
        }
        var first = get("/v1/opportunities?currency=EUR&limit=2", token);
        String cursor = first.json().get("nextCursor").getAsString();
        assertNotNull(cursor);
        assertEquals(
                200,
                get("/v1/opportunities?currency=EUR&limit=2&cursor=" + cursor, token)
                        .status());
        for (String other : List.of("currency=EUR&amount.gte=1", "currency=USD", "currency=EUR&sort=amount")) {
            var reply = get("/v1/opportunities?" + other + "&limit=2&cursor=" + cursor, token);
            assertEquals(400, reply.status(), other + " → " + reply.body());
        }
        var readOnly = get(
                "/v1/opportunities?currency=EUR&limit=2", Api.token(tenant, com.zebros.crm.auth.Principal.READ_ONLY));
        assertEquals(200, readOnly.status(), "a read-only user lists with filters: " + readOnly.body());
        assertEquals(401, get("/v1/opportunities?currency=EUR", null).status(), "no token, no listing");
        String stranger = admin("stranger-" + UUID.randomUUID());
        var theirs = get("/v1/opportunities?currency=EUR&limit=2", stranger);
        assertEquals(0, theirs.json().getAsJsonArray("items").size(), "another tenant's partition holds none of these");
        assertEquals(
                400,
                get("/v1/opportunities?currency=EUR&limit=2&cursor=" + cursor, stranger)
                        .status(),
                "nor can it page into them with their cursor");
    }
}
