package com.zebros.crm;

import static com.zebros.crm.local.Api.admin;
import static com.zebros.crm.local.Api.get;
import static com.zebros.crm.local.Api.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zebros.crm.local.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A cursor pages the listing that handed it out and no other: every cursor of every listing sent to
 * every other listing is a 400 problem document (DynamoDB refuses a start key outside a query's key
 * condition with a ValidationException, which was a 500), and to its own listing a 200.
 */
class CursorScopeTest {
    private static final String TENANT = "cursor-" + UUID.randomUUID();
    private static final String TOKEN = admin(TENANT);
    private static final List<String> LISTINGS = new ArrayList<>();

    @BeforeAll
    static void data() {
        String first = Api.customer(TENANT, "Alpha one");
        String second = Api.customer(TENANT, "Alpha two");
        Api.customer(TENANT, "Beta one");
        Api.customer(TENANT, "Beta two");
        for (String customer : List.of(first, second)) {
            for (int i = 0; i < 2; i++) {
                post(
                        "/v1/customers/" + customer + "/contacts",
                        TOKEN,
                        "{\"firstName\":\"F" + i + "\",\"lastName\":\"L" + i + "\"}");
                for (String stage : List.of("proposal", "negotiation")) {
                    post(
                            "/v1/opportunities",
                            TOKEN,
                            "{\"customerId\":\"" + customer + "\",\"name\":\"D\",\"amount\":{\"value\":\"1\","
                                    + "\"currency\":\"EUR\"},\"stage\":\"" + stage
                                    + "\",\"expectedCloseDate\":\"2027-01-0" + (i + 1)
                                    + "\",\"ownerId\":\"owner-" + i + "\"}");
                }
                post(
                        "/v1/activities",
                        TOKEN,
                        "{\"customerId\":\"" + customer + "\",\"type\":\"call\",\"subject\":\"s\","
                                + "\"occurredAt\":\"2026-11-0" + (i + 1) + "T10:00:00Z\",\"ownerId\":\"owner-" + i
                                + "\"}");
            }
        }
        LISTINGS.addAll(List.of(
                "/v1/customers",
                "/v1/customers?q=alpha",
                "/v1/customers?q=beta",
                "/v1/customers/" + first + "/contacts",
                "/v1/customers/" + second + "/contacts",
                "/v1/customers/" + first + "/opportunities",
                "/v1/customers/" + second + "/opportunities",
                "/v1/customers/" + first + "/timeline",
                "/v1/customers/" + second + "/timeline",
                "/v1/opportunities",
                "/v1/opportunities?stage=proposal",
                "/v1/opportunities?stage=negotiation",
                "/v1/opportunities?owner=owner-0",
                "/v1/opportunities?owner=owner-1",
                "/v1/activities",
                "/v1/activities?owner=owner-0",
                "/v1/activities?owner=owner-1"));
    }

    @Test
    void everyCursorPagesOnlyItsOwnListing() {
        int crossed = 0;
        for (String from : LISTINGS) {
            String cursor = firstPageCursor(from);
            for (String to : LISTINGS) {
                var reply = get(to + (to.contains("?") ? "&" : "?") + "limit=1&cursor=" + cursor, TOKEN);
                if (to.equals(from)) {
                    assertEquals(200, reply.status(), from + "'s cursor on its own listing: " + reply.body());
                } else {
                    assertEquals(400, reply.status(), from + "'s cursor on " + to + ": " + reply.body());
                    assertEquals(400, reply.json().get("status").getAsInt());
                    crossed++;
                }
            }
        }
        assertEquals(LISTINGS.size() * (LISTINGS.size() - 1), crossed);
    }

    @Test
    void anotherTenantsCursorOnTheSameRouteIsRefused() {
        String cursor = firstPageCursor("/v1/customers");
        String other = admin("cursor-other-" + UUID.randomUUID());
        var reply = get("/v1/customers?limit=1&cursor=" + cursor, other);
        assertEquals(400, reply.status(), reply.body());
    }

    private static String firstPageCursor(String listing) {
        var page = get(listing + (listing.contains("?") ? "&" : "?") + "limit=1", TOKEN);
        assertEquals(200, page.status(), listing + ": " + page.body());
        assertTrue(page.json().get("nextCursor").isJsonPrimitive(), listing + " has a second page");
        String cursor = page.json().get("nextCursor").getAsString();
        assertNotNull(cursor);
        return cursor;
    }
}
