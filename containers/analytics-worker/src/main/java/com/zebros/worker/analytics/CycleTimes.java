package com.zebros.worker.analytics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Days from an opportunity's creation to its close: a growable int array and its statistics. */
final class CycleTimes {
    private int[] days = new int[16];
    private int size;

    void add(int value) {
        if (size == days.length) {
            days = Arrays.copyOf(days, size * 2);
        }
        days[size++] = value;
    }

    /** count, mean, median and 90th percentile in days; null figures when there is nothing to measure. */
    Map<String, Object> statistics() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("count", size);
        if (size == 0) {
            result.put("meanDays", null);
            result.put("medianDays", null);
            result.put("p90Days", null);
            return result;
        }
        int[] sorted = Arrays.copyOf(days, size);
        Arrays.sort(sorted);
        long sum = 0;
        for (int d : sorted) {
            sum += d;
        }
        result.put("meanDays", Math.round(10.0 * sum / size) / 10.0);
        result.put("medianDays", percentile(sorted, 50));
        result.put("p90Days", percentile(sorted, 90));
        return result;
    }

    /** The nearest-rank percentile. */
    private static int percentile(int[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
