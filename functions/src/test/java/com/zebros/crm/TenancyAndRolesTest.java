package com.zebros.crm;

import static com.zebros.crm.local.Api.admin;
import static com.zebros.crm.local.Api.delete;
import static com.zebros.crm.local.Api.get;
import static com.zebros.crm.local.Api.post;
import static com.zebros.crm.local.Api.put;
import static com.zebros.crm.local.Api.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.zebros.crm.auth.Principal;
import com.zebros.crm.local.Api;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** No tenant reaches another's data; roles decide who writes and deletes; tokens are verified. */
class TenancyAndRolesTest {
    private final String alice = "alice-" + UUID.randomUUID();
    private final String bob = "bob-" + UUID.randomUUID();

    @Test
    void anotherTenantCanNeitherReadNorChangeNorDeleteAnItem() {
        String id = Api.customer(alice, "Alice's Secret Customer");
        assertEquals(404, get("/v1/customers/" + id, admin(bob)).status(), "to bob the item does not exist");
        assertEquals(
                404,
                put("/v1/customers/" + id, admin(bob), "{\"name\":\"Hijacked\"}", "If-Match", "\"1\"")
                        .status());
        assertEquals(404, delete("/v1/customers/" + id, admin(bob)).status());
        assertEquals(200, get("/v1/customers/" + id, admin(alice)).status(), "alice's item is untouched");
        assertFalse(get("/v1/customers?q=alice", admin(bob)).body().contains(id), "nor does it appear in bob's search");
    }

    @Test
    void aCursorFromOneTenantIsRefusedForAnother() {
        for (int i = 0; i < 3; i++) {
            Api.customer(alice, "Paged " + i);
        }
        String cursor = get("/v1/customers?limit=1", admin(alice))
                .json()
                .get("nextCursor")
                .getAsString();
        assertEquals(
                400, get("/v1/customers?limit=1&cursor=" + cursor, admin(bob)).status());
    }

    @Test
    void aReferenceToAnotherTenantsCustomerIsRefused() {
        String aliceCustomer = Api.customer(alice, "Alice Co");
        var contact = post(
                "/v1/customers/" + aliceCustomer + "/contacts",
                admin(bob),
                "{\"firstName\":\"Eve\",\"lastName\":\"Intruder\"}");
        assertEquals(400, contact.status(), contact.body());
    }

    @Test
    void readOnlyUsersReadUsersWriteAndOnlyManagersAndAdminsDelete() {
        String id = Api.customer(alice, "Roles Ltd");
        assertEquals(
                200,
                get("/v1/customers/" + id, token(alice, Principal.READ_ONLY)).status());
        assertEquals(
                403,
                post("/v1/customers", token(alice, Principal.READ_ONLY), "{\"name\":\"No\"}")
                        .status());
        assertEquals(
                201,
                post("/v1/customers", token(alice, Principal.USER), "{\"name\":\"Yes\"}")
                        .status());
        assertEquals(
                403, delete("/v1/customers/" + id, token(alice, Principal.USER)).status());
        assertEquals(
                204,
                delete("/v1/customers/" + id, token(alice, Principal.MANAGER)).status());
        assertEquals(403, get("/v1/customers", token(alice)).status(), "a token without CRM roles reads nothing");
    }

    @Test
    void missingTamperedExpiredOrForeignTokensAre401() {
        assertEquals(401, get("/v1/customers", null).status());
        String good = admin(alice);
        String[] parts = good.split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
        assertEquals(401, get("/v1/customers", tampered).status(), "a changed payload breaks the signature");
        String expired = Api.server()
                .issuer()
                .token(alice, "u", List.of(Principal.ADMIN), Duration.ofSeconds(-120), "zebros-api");
        assertEquals(401, get("/v1/customers", expired).status());
        String otherAudience =
                Api.server().issuer().token(alice, "u", List.of(Principal.ADMIN), Duration.ofHours(1), "other-api");
        assertEquals(401, get("/v1/customers", otherAudience).status());
        String otherIssuer = new com.zebros.crm.local.DevTokenIssuer(
                        Api.server().issuer().issuer())
                .token(alice, "u", List.of(Principal.ADMIN));
        assertEquals(401, get("/v1/customers", otherIssuer).status(), "signed by a key not in the realm's JWKS");
    }
}
