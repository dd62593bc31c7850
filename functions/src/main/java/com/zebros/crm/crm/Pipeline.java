package com.zebros.crm.crm;

import com.zebros.crm.http.ApiException;
import com.zebros.crm.http.Request;
import com.zebros.crm.http.Response;
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

    public Pipeline(Store store) {
        this.store = store;
    }

    public Response summary(Request request) {
        request.allowOnly(Set.of());
        Map<String, List<Map<String, AttributeValue>>> byStage = byStage(request.principal().tenantId());
        List<Map<String, Object>> stages = new ArrayList<>();
        for (String stage : Entities.STAGE_ORDER) {
            List<Map<String, AttributeValue>> items = byStage.getOrDefault(stage, List.of());
            Map<String, BigDecimal> totals = new TreeMap<>();
            for (Map<String, AttributeValue> item : items) {
                Map<String, AttributeValue> amount = item.get("amount").m();
                totals.merge(amount.get("currency").s(), new BigDecimal(amount.get("value").n()), BigDecimal::add);
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("stage", stage);
            row.put("count", items.size());
            List<Map<String, String>> amounts = new ArrayList<>();
            totals.forEach((currency, total) -> {
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
        for (Map<String, AttributeValue> item : store.all(Table.OPPORTUNITIES, null, Table.TENANT, tenant, List.of("stage", "amount"))) {
            byStage.computeIfAbsent(item.get("stage").s(), k -> new ArrayList<>()).add(item);
        }
        return byStage;
    }

    public Response analytics(Request request, String metric) {
        request.allowOnly(Set.of());
        if (!metric.equals("win-rate")) {
            throw ApiException.notFound("the metric " + metric + " (known: win-rate)");
        }
        Map<String, List<Map<String, AttributeValue>>> byStage = byStage(request.principal().tenantId());
        int won = byStage.getOrDefault("closed-won", List.of()).size();
        int lost = byStage.getOrDefault("closed-lost", List.of()).size();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("metric", "win-rate");
        body.put("won", won);
        body.put("lost", lost);
        body.put("winRate", won + lost == 0 ? null : (double) won / (won + lost));
        return Response.json(200, body);
    }
}
