package com.zebros.worker.report;

import com.zebros.crm.crm.PipelineStages;
import com.zebros.crm.store.Store;
import com.zebros.crm.store.Table;
import com.zebros.worker.CsvWriter;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every opportunity of the tenant, stage by stage in pipeline order and by expected close date
 * within a stage: one query of the stage index per stage, written as it is read. The totals per
 * stage and currency go to the job's summary.
 */
final class PipelineReport {
    static final List<String> COLUMNS = List.of(
            "stage",
            "opportunityId",
            "name",
            "customerId",
            "ownerId",
            "amount",
            "currency",
            "expectedCloseDate",
            "createdAt",
            "updatedAt");

    private final Store store;
    private final String tenant;

    PipelineReport(Store store, String tenant) {
        this.store = store;
        this.tenant = tenant;
    }

    Map<String, Object> write(CsvWriter csv) {
        csv.row(COLUMNS);
        Map<String, Object> stages = new LinkedHashMap<>();
        long rows = 0;
        for (String stage : PipelineStages.read(store, tenant).stream()
                .map(PipelineStages.Stage::name)
                .toList()) {
            long[] count = {0};
            Map<String, BigDecimal> totals = new TreeMap<>();
            store.forEach(Table.OPPORTUNITIES, "byStage", "tenantStage", tenant + "#" + stage, List.of(), item -> {
                Map<String, AttributeValue> amount = item.get("amount").m();
                String value =
                        new BigDecimal(amount.get("value").n()).setScale(2).toPlainString();
                String currency = amount.get("currency").s();
                csv.row(
                        stage,
                        item.get("opportunityId").s(),
                        item.get("name").s(),
                        item.get("customerId").s(),
                        item.get("ownerId").s(),
                        value,
                        currency,
                        item.get("expectedCloseDate").s(),
                        item.get("createdAt").s(),
                        item.get("updatedAt").s());
                totals.merge(currency, new BigDecimal(value), BigDecimal::add);
                count[0]++;
            });
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("count", count[0]);
            Map<String, String> amounts = new LinkedHashMap<>();
            totals.forEach((currency, total) -> amounts.put(currency, total.toPlainString()));
            row.put("amounts", amounts);
            stages.put(stage, row);
            rows += count[0];
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("rows", rows);
        summary.put("stages", stages);
        return summary;
    }
}
