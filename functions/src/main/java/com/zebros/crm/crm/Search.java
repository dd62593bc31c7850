package com.zebros.crm.crm;

import com.zebros.crm.http.ApiException;
import com.zebros.crm.http.Request;
import com.zebros.crm.http.Response;
import com.zebros.crm.store.Page;
import com.zebros.crm.store.Store;
import com.zebros.crm.store.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code GET /v1/search?q=}: what a search box finds as its user types: customers whose name or domain starts with
 * {@code q}, contacts whose e-mail does, case-insensitive, each kind in key order. Three index queries of at most
 * {@code limit} items each, so a search reads at most three pages however large the tenant; it has no cursor (narrow
 * the prefix instead). Contacts are not found by name: the index that would hold their names was removed for what
 * it cost every contact (docs: "Keys at ten times the top tier").
 */
final class Search {
    private static final int DEFAULT_LIMIT = 10;
    private static final int MAX_LIMIT = 25;

    private final Store store;
    private final Resource customers;
    private final Resource contacts;

    Search(Store store, Resource customers, Resource contacts) {
        this.store = store;
        this.customers = customers;
        this.contacts = contacts;
    }

    Response find(Request request) {
        request.allowOnly(Set.of("q", "limit"));
        String q = request.queryParameter("q")
                .map(v -> v.toLowerCase(Locale.ROOT).trim())
                .orElse("");
        if (q.isEmpty() || q.length() > 200) {
            throw ApiException.invalid(List.of(new ApiException.FieldError(
                    "q", "must be 1 to 200 characters: the start of a name, an e-mail or a domain")));
        }
        int limit = Resource.limit(request, DEFAULT_LIMIT, MAX_LIMIT);
        String tenant = request.principal().tenantId();
        Map<String, Map<String, Object>> foundCustomers = new LinkedHashMap<>();
        add(foundCustomers, customers, "name", query(Table.CUSTOMERS, "byName", "nameKey", tenant, q, limit));
        add(foundCustomers, customers, "domain", query(Table.CUSTOMERS, "byDomain", "domainKey", tenant, q, limit));
        Map<String, Map<String, Object>> foundContacts = new LinkedHashMap<>();
        add(foundContacts, contacts, "email", query(Table.CONTACTS, "byEmail", "emailKey", tenant, q, limit));
        Map<String, Object> body = new LinkedHashMap<>();
        // Name matches first, then domain matches, at most limit in all.
        body.put(
                "customers",
                new ArrayList<>(foundCustomers.values()).subList(0, Math.min(limit, foundCustomers.size())));
        body.put("contacts", new ArrayList<>(foundContacts.values()));
        return Response.json(200, body);
    }

    private List<Map<String, AttributeValue>> query(
            Table table, String index, String sortKey, String tenant, String q, int limit) {
        Page page = store.query(table, index, Table.TENANT, tenant, sortKey, q, false, limit, null, tenant);
        return page.items();
    }

    /** Adds each item's view, with what it matched on; an item found twice (by name and domain) once, matching both. */
    @SuppressWarnings("unchecked")
    private static void add(
            Map<String, Map<String, Object>> found,
            Resource resource,
            String matched,
            List<Map<String, AttributeValue>> items) {
        for (Map<String, AttributeValue> item : items) {
            String id = item.get(resource.type().table().idAttribute()).s();
            Map<String, Object> entry = found.computeIfAbsent(id, k -> {
                Map<String, Object> e = new LinkedHashMap<>(resource.view(item));
                e.put("matched", new LinkedHashSet<String>());
                return e;
            });
            ((Set<String>) entry.get("matched")).add(matched);
        }
    }
}
