package com.zebros.worker.analytics;

import com.zebros.crm.crm.Entities;
import com.zebros.crm.crm.PipelineStages;
import com.zebros.crm.store.Store;
import com.zebros.crm.store.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The aggregations, for the tenant and per owner, in one pass over each table with only the
 * attributes they need:
 * <ul>
 *   <li>win rate: won / (won + lost), by the outcome of the tenant's stages (closed-won, closed-lost by default);</li>
 *   <li>cycle time: days from creation to the expected close date of won opportunities (the CRM's
 *       close date; a won deal's is the day it closed);</li>
 *   <li>activity: activities per type.</li>
 * </ul>
 * Memory holds one counter set per owner and one int per won opportunity.
 */
final class Analysis {
    private static final class Tally {
        long opportunities;
        long won;
        long lost;
        final CycleTimes cycle = new CycleTimes();
        final Map<String, Long> activities = new TreeMap<>();

        Map<String, Object> view() {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("opportunities", opportunities);
            view.put("winRate", winRate(won, lost));
            view.put("cycleTime", cycle.statistics());
            Map<String, Long> byType = new LinkedHashMap<>();
            long total = 0;
            for (String type : new java.util.TreeSet<>(Entities.ACTIVITY_TYPES)) {
                long count = activities.getOrDefault(type, 0L);
                byType.put(type, count);
                total += count;
            }
            Map<String, Object> activity = new LinkedHashMap<>();
            activity.put("total", total);
            activity.put("byType", byType);
            view.put("activity", activity);
            return view;
        }
    }

    private final Tally tenant = new Tally();
    private final Map<String, Tally> owners = new TreeMap<>();
    private long activityCount;

    void readOpportunities(Store store, String tenantId) {
        Map<String, PipelineStages.Outcome> outcomes = new java.util.HashMap<>();
        PipelineStages.read(store, tenantId).forEach(s -> outcomes.put(s.name(), s.outcome()));
        store.forEach(
                Table.OPPORTUNITIES,
                null,
                Table.TENANT,
                tenantId,
                List.of("ownerId", "stage", "createdAt", "expectedCloseDate"),
                item -> {
                    Tally owner = owners.computeIfAbsent(item.get("ownerId").s(), o -> new Tally());
                    for (Tally tally : new Tally[] {tenant, owner}) {
                        count(tally, item, outcomes);
                    }
                });
    }

    /** A deal in a stage whose outcome is won counts as won, lost as lost (the tenant's stages, PipelineStages). */
    private static void count(
            Tally tally, Map<String, AttributeValue> item, Map<String, PipelineStages.Outcome> outcomes) {
        tally.opportunities++;
        PipelineStages.Outcome outcome = outcomes.getOrDefault(item.get("stage").s(), PipelineStages.Outcome.OPEN);
        if (outcome == PipelineStages.Outcome.WON) {
            tally.won++;
            LocalDate created =
                    LocalDate.ofInstant(Instant.parse(item.get("createdAt").s()), ZoneOffset.UTC);
            LocalDate closed = LocalDate.parse(item.get("expectedCloseDate").s());
            tally.cycle.add((int) Math.max(0, ChronoUnit.DAYS.between(created, closed)));
        } else if (outcome == PipelineStages.Outcome.LOST) {
            tally.lost++;
        }
    }

    void readActivities(Store store, String tenantId) {
        store.forEach(Table.ACTIVITIES, null, Table.TENANT, tenantId, List.of("ownerId", "type"), item -> {
            String type = item.get("type").s();
            tenant.activities.merge(type, 1L, Long::sum);
            owners.computeIfAbsent(item.get("ownerId").s(), o -> new Tally())
                    .activities
                    .merge(type, 1L, Long::sum);
            activityCount++;
        });
    }

    Map<String, Object> result() {
        Map<String, Object> result = new LinkedHashMap<>(tenant.view());
        List<Map<String, Object>> perOwner = new ArrayList<>();
        owners.forEach((id, tally) -> {
            Map<String, Object> owner = new LinkedHashMap<>();
            owner.put("ownerId", id);
            owner.putAll(tally.view());
            perOwner.add(owner);
        });
        result.put("owners", perOwner);
        return result;
    }

    private static Map<String, Object> winRate(long won, long lost) {
        Map<String, Object> rate = new LinkedHashMap<>();
        rate.put("won", won);
        rate.put("lost", lost);
        rate.put("rate", won + lost == 0 ? null : Math.round(10_000.0 * won / (won + lost)) / 10_000.0);
        return rate;
    }

    long opportunities() {
        return tenant.opportunities;
    }

    long activities() {
        return activityCount;
    }

    int owners() {
        return owners.size();
    }
}
