package com.zebros.platform.tools.cost;

/** The estimate as a person reads it: the fixed items, the total, the unit prices, the assumptions. */
public final class CostPrinter {
    private CostPrinter() {}

    public static String render(CostEstimate estimate) {
        StringBuilder out = new StringBuilder();
        out.append("Monthly cost of ")
                .append(estimate.stack())
                .append(" at phase ")
                .append(estimate.phase())
                .append(" in ")
                .append(estimate.region())
                .append(" (USD, prices of ")
                .append(PriceTable.DATE)
                .append(")\n\n");
        out.append("Fixed at idle:\n");
        for (CostEstimate.Item item : estimate.fixed()) {
            out.append(String.format(
                    "  %-62s %10s %-14s x %-11s = %9.2f%n",
                    item.what(),
                    trim(item.quantity()),
                    item.unit(),
                    String.format("%.6f", item.unitPrice())
                            .replaceAll("0+$", "")
                            .replaceAll("\\.$", ""),
                    item.monthly()));
        }
        out.append(String.format("  %-62s %48.2f%n", "Total fixed per month", estimate.fixedMonthly()));
        out.append("\nWhat grows with use:\n");
        for (CostEstimate.UnitPrice price : estimate.usage()) {
            out.append(String.format("  %-45s %-30s %s%n", price.what(), price.unit(), price.price()));
        }
        out.append("\nAssumptions:\n");
        estimate.assumptions().forEach(a -> out.append("  - ").append(a).append('\n'));
        return out.toString();
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format("%.1f", value);
    }
}
