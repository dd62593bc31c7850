package com.zebros.platform.tools.cost;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AWS list prices in USD, on demand, Linux, for the stacks' regions, as published on AWS's pricing
 * pages in November 2026 (rounded to the published digits). Dated: prices change; re-check them
 * before a budget depends on them. The prices are data, one named price a line with each region's beside it
 * ({@code cost/prices.tsv}); each line fills the component of that name, so no price depends on its position.
 */
public record PriceTable(
        String region,
        double natGatewayHour,
        double natGatewayGb,
        double publicIpv4Hour,
        double natInstanceHour,
        double gp3GbMonth,
        double albHour,
        double albLcuHour,
        double fargateVcpuHour,
        double fargateGbHour,
        double fargateSpotDiscount,
        double auroraAcuHour,
        double auroraStorageGbMonth,
        double kmsKeyMonth,
        double secretMonth,
        double daxSmallNodeHour,
        double daxLargeNodeHour,
        double redisSmallNodeHour,
        double redisLargeNodeHour,
        double dynamoRcuHour,
        double dynamoWcuHour,
        double dynamoReadMillion,
        double dynamoWriteMillion,
        double dynamoStorageGbMonth,
        double lambdaGbSecond,
        double lambdaRequestsMillion,
        double lambdaProvisionedGbSecond,
        double restApiMillion,
        double wafAclMonth,
        double wafRuleMonth,
        double wafRequestsMillion,
        double healthCheckMonth,
        double dashboardMonth,
        double alarmMonth,
        double insightRuleMonth,
        double insightEventsMillion,
        double cloudFrontGb,
        double cloudFrontHttpsTenThousand,
        double s3StandardGbMonth,
        double stepFunctionsThousandTransitions,
        double sqsMillion,
        double logsIngestGb) {

    public static final String DATE = "2026-11";

    private static final String FILE = "cost/prices.tsv";
    private static final Map<String, PriceTable> TABLES = read();

    /** The table of {@code region}; regions without one are refused, not guessed. */
    public static PriceTable of(String region) {
        PriceTable table = TABLES.get(region);
        if (table == null) {
            throw new IllegalArgumentException(
                    "no price table for " + region + "; regions with one: " + TABLES.keySet());
        }
        return table;
    }

    /** Every region's table from {@link #FILE}: every component named once, and no other name. */
    private static Map<String, PriceTable> read() {
        List<String> lines;
        try (InputStream in = PriceTable.class.getResourceAsStream("/" + FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is not on the classpath");
            }
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parse(lines);
    }

    /** Each region's table from the file's lines (comments and blank lines left out). */
    static Map<String, PriceTable> parse(List<String> lines) {
        List<String> header = List.of(lines.get(0).split("\t"));
        List<String> regions = header.subList(1, header.size());
        Map<String, String[]> prices = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\t");
            if (cells.length != regions.size() + 1 || prices.put(cells[0], cells) != null) {
                throw new IllegalStateException(FILE + ": \"" + line + "\" must name a price once and give "
                        + regions.size() + " regions' prices");
            }
        }
        RecordComponent[] components = PriceTable.class.getRecordComponents();
        List<String> named =
                Arrays.stream(components).skip(1).map(RecordComponent::getName).toList();
        if (!named.equals(new ArrayList<>(prices.keySet()))) {
            throw new IllegalStateException(FILE + " names " + prices.keySet() + "; PriceTable has " + named);
        }
        Map<String, PriceTable> tables = new LinkedHashMap<>();
        for (int r = 0; r < regions.size(); r++) {
            Object[] values = new Object[components.length];
            values[0] = regions.get(r);
            for (int i = 1; i < components.length; i++) {
                values[i] = Double.parseDouble(prices.get(components[i].getName())[r + 1]);
            }
            try {
                tables.put(
                        regions.get(r),
                        PriceTable.class
                                .getDeclaredConstructor(Arrays.stream(components)
                                        .map(RecordComponent::getType)
                                        .toArray(Class[]::new))
                                .newInstance(values));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return Map.copyOf(tables);
    }
}
