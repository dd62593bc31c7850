package com.zebros.crm;

import static com.zebros.crm.local.Api.admin;
import static com.zebros.crm.local.Api.get;
import static com.zebros.crm.local.Api.patch;
import static com.zebros.crm.local.Api.post;
import static com.zebros.crm.local.Api.token;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.zebros.crm.auth.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The search box: customers by name or domain prefix, contacts by e-mail prefix, from sparse indexes. */
class SearchTest {
    private final String tenant = "search-" + UUID.randomUUID();
    private final String token = admin(tenant);

    private String customer(String name, String domain) {
        return post(
                        "/v1/customers",
                        token,
                        "{\"name\":\"" + name + "\"" + (domain == null ? "" : ",\"domain\":\"" + domain + "\"") + "}")
                .json()
                .get("id")
                .getAsString();
    }

    private static List<String> found(JsonArray items, String field) {
        List<String> values = new ArrayList<>();
        items.forEach(i -> values.add(i.getAsJsonObject().get(field).getAsString() + " "
                + i.getAsJsonObject().get("matched")));
        return values;
    }

    @Test
    void aPrefixFindsCustomersByNameOrDomainAndContactsByEmail() {
        String acme = customer("Acme Tools", "acme.example");
        customer("Acorn Bakery", "acorn-bakery.example");
        customer("Zeta", "acme-partners.example");
        customer("Nodomain", null);
        post(
                "/v1/customers/" + acme + "/contacts",
                token,
                "{\"firstName\":\"Ada\",\"lastName\":\"L\",\"email\":\"Ada@Acme.example\"}");
        post(
                "/v1/customers/" + acme + "/contacts",
                token,
                "{\"firstName\":\"Bo\",\"lastName\":\"M\",\"email\":\"bo@acme.example\"}");
        post("/v1/customers/" + acme + "/contacts", token, "{\"firstName\":\"No\",\"lastName\":\"Mail\"}");

        JsonObject ac = get("/v1/search?q=AC", token).json();
        assertEquals(
                List.of("Acme Tools [\"name\",\"domain\"]", "Acorn Bakery [\"name\",\"domain\"]", "Zeta [\"domain\"]"),
                found(ac.getAsJsonArray("customers"), "name"),
                "found by name and by domain once each");
        assertEquals(
                List.of(),
                found(ac.getAsJsonArray("contacts"), "email"),
                "an e-mail is found by its start, not its domain");
        assertEquals(
                List.of("Ada@Acme.example [\"email\"]"),
                found(get("/v1/search?q=ADA%40", token).json().getAsJsonArray("contacts"), "email"),
                "in any case");
        assertEquals(
                List.of("bo@acme.example [\"email\"]"),
                found(get("/v1/search?q=bo%40", token).json().getAsJsonArray("contacts"), "email"));
        assertEquals(
                2,
                get("/v1/search?q=a&limit=2", token)
                        .json()
                        .getAsJsonArray("customers")
                        .size(),
                "at most limit of a kind");
        assertEquals(
                0,
                get("/v1/search?q=nomail", token)
                        .json()
                        .getAsJsonArray("contacts")
                        .size());

        String zeta = get("/v1/search?q=zeta", token)
                .json()
                .getAsJsonArray("customers")
                .get(0)
                .getAsJsonObject()
                .get("id")
                .getAsString();
        assertEquals(
                200,
                patch("/v1/customers/" + zeta, token, "{\"domain\":null}", "If-Match", "\"1\"")
                        .status());
        assertEquals(
                List.of("Acme Tools [\"name\",\"domain\"]"),
                found(get("/v1/search?q=acme", token).json().getAsJsonArray("customers"), "name"),
                "a domain removed leaves the index with the write");
    }

    /** 320 characters of three bytes each: the longest e-mail the API takes still fits the index's sort key. */
    @Test
    void theLongestEmailIsWrittenAndFound() {
        String acme = customer("Long Mail", null);
        String email = "€".repeat(64) + "@" + "€".repeat(250) + "." + "€".repeat(4);
        assertEquals(320, email.length());
        var created = post(
                "/v1/customers/" + acme + "/contacts",
                token,
                "{\"firstName\":\"L\",\"lastName\":\"M\",\"email\":\"" + email + "\"}");
        assertEquals(201, created.status(), created.body());
        assertEquals(
                1,
                get(
                                "/v1/search?q="
                                        + java.net.URLEncoder.encode("€€€€", java.nio.charset.StandardCharsets.UTF_8),
                                token)
                        .json()
                        .getAsJsonArray("contacts")
                        .size());
    }

    @Test
    void searchesStayInTheirTenantAndBadQueriesAre400() {
        customer("Secret Corp", "secret.example");
        assertEquals(
                0,
                get("/v1/search?q=secret", admin("other-" + UUID.randomUUID()))
                        .json()
                        .getAsJsonArray("customers")
                        .size());
        assertEquals(
                1,
                get("/v1/search?q=secret", token(tenant, Principal.READ_ONLY))
                        .json()
                        .getAsJsonArray("customers")
                        .size());
        assertEquals(400, get("/v1/search", token).status());
        assertEquals(400, get("/v1/search?q=" + "x".repeat(201), token).status());
        assertEquals(400, get("/v1/search?q=a&limit=26", token).status());
        assertEquals(400, get("/v1/search?q=a&cursor=x", token).status());
    }
}
