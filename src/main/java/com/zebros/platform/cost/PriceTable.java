package com.zebros.platform.cost;

import java.util.Map;

/**
 * AWS list prices in USD, on demand, Linux, for the stacks' regions, as published on AWS's pricing
 * pages in November 2026 (rounded to the published digits). Dated: prices change; re-check them
 * before a budget depends on them.
 */
public record PriceTable(
        String region,
        double natGatewayHour, double natGatewayGb, double publicIpv4Hour, double natInstanceHour, double gp3GbMonth,
        double albHour, double albLcuHour,
        double fargateVcpuHour, double fargateGbHour, double fargateSpotDiscount,
        double auroraAcuHour, double auroraStorageGbMonth,
        double kmsKeyMonth, double secretMonth,
        double daxSmallNodeHour, double daxLargeNodeHour,
        double redisSmallNodeHour, double redisLargeNodeHour,
        double dynamoRcuHour, double dynamoWcuHour, double dynamoReadMillion, double dynamoWriteMillion,
        double dynamoStorageGbMonth,
        double lambdaGbSecond, double lambdaRequestsMillion, double lambdaProvisionedGbSecond,
        double restApiMillion, double wafAclMonth, double wafRuleMonth, double wafRequestsMillion,
        double healthCheckMonth, double dashboardMonth, double alarmMonth, double insightRuleMonth,
        double insightEventsMillion,
        double cloudFrontGb, double cloudFrontHttpsTenThousand,
        double s3StandardGbMonth, double stepFunctionsThousandTransitions, double sqsMillion, double logsIngestGb) {

    public static final String DATE = "2026-11";

    private static final Map<String, PriceTable> TABLES = Map.of(
            "us-east-1", new PriceTable("us-east-1",
                    0.045, 0.045, 0.005, 0.0042, 0.08,
                    0.0225, 0.008,
                    0.04048, 0.004445, 0.70,
                    0.12, 0.10,
                    1.00, 0.40,
                    0.04, 0.269,
                    0.032, 0.219,
                    0.00013, 0.00065, 0.125, 0.625,
                    0.25,
                    0.0000166667, 0.20, 0.0000041667,
                    3.50, 5.00, 1.00, 0.60,
                    2.50, 3.00, 0.10, 0.50,
                    0.02,
                    0.085, 0.01,
                    0.023, 0.025, 0.40, 0.50),
            "eu-west-1", new PriceTable("eu-west-1",
                    0.048, 0.048, 0.005, 0.0046, 0.088,
                    0.0252, 0.008,
                    0.04456, 0.004865, 0.70,
                    0.13, 0.11,
                    1.00, 0.40,
                    0.045, 0.297,
                    0.036, 0.246,
                    0.000147, 0.000735, 0.1415, 0.7065,
                    0.283,
                    0.0000166667, 0.20, 0.0000041667,
                    3.50, 5.00, 1.00, 0.60,
                    2.50, 3.00, 0.10, 0.50,
                    0.02,
                    0.085, 0.012,
                    0.024, 0.025, 0.40, 0.57));

    /** The table of {@code region}; regions without one are refused, not guessed. */
    public static PriceTable of(String region) {
        PriceTable table = TABLES.get(region);
        if (table == null) {
            throw new IllegalArgumentException("no price table for " + region + "; regions with one: " + TABLES.keySet());
        }
        return table;
    }
}
