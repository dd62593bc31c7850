package com.zebros.crm.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a sequence of requests has written, as the API promises to keep it: per tenant, each item's
 * kind, customer, links, stage and version. The stateful fuzzer predicts every answer from this and
 * compares every listing with it.
 */
final class CrmModel {
    enum Kind {
        CUSTOMER("customers"),
        CONTACT("contacts"),
        OPPORTUNITY("opportunities"),
        ACTIVITY("activities");

        final String collection;

        Kind(String collection) {
            this.collection = collection;
        }
    }

    /** One stored item. {@code customerId} is null for a customer; links only for activities. */
    record Item(
            Kind kind,
            String id,
            String customerId,
            String contactId,
            String opportunityId,
            String stage,
            String owner,
            long version) {
        Item withVersion(long next) {
            return new Item(kind, id, customerId, contactId, opportunityId, stage, owner, next);
        }
    }

    private final Map<String, Map<String, Item>> byTenant = new LinkedHashMap<>();

    Map<String, Item> of(String tenant) {
        return byTenant.computeIfAbsent(tenant, t -> new LinkedHashMap<>());
    }

    void put(String tenant, Item item) {
        of(tenant).put(item.id(), item);
    }

    void remove(String tenant, String id) {
        of(tenant).remove(id);
    }

    Optional<Item> find(String tenant, String id) {
        return Optional.ofNullable(of(tenant).get(id));
    }

    List<Item> all(String tenant, Kind kind) {
        return of(tenant).values().stream().filter(i -> i.kind() == kind).toList();
    }

    /** The kinds of item that name {@code customer}: what keeps it from being deleted. */
    Set<Kind> childrenOf(String tenant, String customer) {
        return of(tenant).values().stream()
                .filter(i -> customer.equals(i.customerId()))
                .map(Item::kind)
                .collect(Collectors.toSet());
    }

    /** The ids a listing must return, in any order. */
    Set<String> listing(String tenant, Kind kind, String customer, String stage, String owner) {
        return all(tenant, kind).stream()
                .filter(i -> customer == null || customer.equals(i.customerId()))
                .filter(i -> stage == null || stage.equals(i.stage()))
                .filter(i -> owner == null || owner.equals(i.owner()))
                .map(Item::id)
                .collect(Collectors.toSet());
    }

    /** Opportunities per stage: what the pipeline must count. */
    Map<String, Integer> pipeline(String tenant) {
        Map<String, Integer> counts = new TreeMap<>();
        all(tenant, Kind.OPPORTUNITY).forEach(o -> counts.merge(o.stage(), 1, Integer::sum));
        return counts;
    }

    /** Every id of every tenant but {@code tenant}: none may ever appear in its answers. */
    Set<String> othersIds(String tenant) {
        List<String> ids = new ArrayList<>();
        byTenant.forEach((t, items) -> {
            if (!t.equals(tenant)) {
                ids.addAll(items.keySet());
            }
        });
        return Set.copyOf(ids);
    }
}
