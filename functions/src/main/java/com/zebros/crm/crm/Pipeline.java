package com.zebros.crm.crm;

import com.zebros.crm.http.ApiException;
import com.zebros.crm.http.Request;
import com.zebros.crm.http.Response;
import com.zebros.crm.migrate.MigrationState;
import com.zebros.crm.store.Store;
import com.zebros.crm.store.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The pipeline summary (count and amount per stage and currency) and the win rate. Both read every
 * opportunity of the tenant once, through one query of its partition projected to stage and amount:
 * the same items six stage-index queries would read, in as few requests as the data needs.
 */
public final class Pipeline {
    private final Store store;
    private final MigrationState migrations;

    public Pipeline(Store store, MigrationState migrations) {
        this.store = store;
        this.migrations = migrations;
    }

    /**
     * Count and amount per stage and currency. One item read (PipelineTotals) once the migration has counted every
     * opportunity; before, every opportunity of the tenant, as it always was.
     */
    private Map<String, Map<String, PipelineTotals.Total>> totals(String tenant) {
        return PipelineTotals.read(store, migrations, tenant).orElseGet(() -> {
            Map<String, Map<String, PipelineTotals.Total>> totals = new TreeMap<>();
            byStage(tenant).forEach((stage, items) -> {
                for (Map<String, AttributeValue> item : items) {
                    Map<String, AttributeValue> amount = item.get("amount").m();
                    totals.computeIfAbsent(stage, s -> new TreeMap<>())
                            .merge(
                                    amount.get("currency").s(),
                                    new PipelineTotals.Total(
                                            1,
                                            new BigDecimal(amount.get("value").n())),
                                    (a, b) -> new PipelineTotals.Total(
                                            a.count() + b.count(), a.amount().add(b.amount())));
                }
            });
            return totals;
        });
    }

    public Response summary(Request request) {
        request.allowOnly(Set.of());
        String tenant = request.principal().tenantId();
        Map<String, Map<String, PipelineTotals.Total>> all = totals(tenant);
        List<Map<String, Object>> stages = new ArrayList<>();
        List<PipelineStages.Stage> configured = PipelineStages.readForDisplay(store, tenant);
        // The tenant's stages in its order; then any stage a deal is still in that is no longer configured.
        List<PipelineStages.Stage> listed = new ArrayList<>(configured);
        all.keySet().stream()
                .filter(name -> configured.stream().noneMatch(s -> s.name().equals(name)))
                .sorted()
                .forEach(name -> listed.add(new PipelineStages.Stage(name, 0, PipelineStages.Outcome.OPEN)));
        for (PipelineStages.Stage configuredStage : listed) {
            String stage = configuredStage.name();
            Map<String, PipelineTotals.Total> byCurrency = all.getOrDefault(stage, Map.of());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("stage", stage);
            row.put("probability", configuredStage.probability());
            row.put("outcome", configuredStage.outcome().name().toLowerCase(java.util.Locale.ROOT));
            row.put(
                    "count",
                    byCurrency.values().stream()
                            .mapToLong(PipelineTotals.Total::count)
                            .sum());
            List<Map<String, String>> amounts = new ArrayList<>();
            new TreeMap<>(byCurrency).forEach((currency, t) -> {
                BigDecimal total = t.amount();
                Map<String, String> amount = new LinkedHashMap<>();
                amount.put("value", total.setScale(2).toPlainString());
                amount.put("currency", currency);
                amounts.add(amount);
            });
            row.put("amounts", amounts);
            stages.add(row);
        }
        return Response.json(200, Map.of("stages", stages));
    }

    private Map<String, List<Map<String, AttributeValue>>> byStage(String tenant) {
        Map<String, List<Map<String, AttributeValue>>> byStage = new LinkedHashMap<>();
        for (Map<String, AttributeValue> item :
                store.all(Table.OPPORTUNITIES, null, Table.TENANT, tenant, List.of("stage", "amount"))) {
            byStage.computeIfAbsent(item.get("stage").s(), k -> new ArrayList<>())
                    .add(item);
        }
        return byStage;
    }

    public Response analytics(Request request, String metric) {
        request.allowOnly(Set.of());
        if (!metric.equals("win-rate")) {
            throw ApiException.notFound("the metric " + metric + " (known: win-rate)");
        }
        String tenant = request.principal().tenantId();
        Map<String, Map<String, PipelineTotals.Total>> all = totals(tenant);
        long won = 0;
        long lost = 0;
        for (PipelineStages.Stage stage : PipelineStages.readForDisplay(store, tenant)) {
            long count = all.getOrDefault(stage.name(), Map.of()).values().stream()
                    .mapToLong(PipelineTotals.Total::count)
                    .sum();
            won += stage.outcome() == PipelineStages.Outcome.WON ? count : 0;
            lost += stage.outcome() == PipelineStages.Outcome.LOST ? count : 0;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("metric", "win-rate");
        body.put("won", won);
        body.put("lost", lost);
        body.put("winRate", won + lost == 0 ? null : (double) won / (won + lost));
        return Response.json(200, body);
    }
}
