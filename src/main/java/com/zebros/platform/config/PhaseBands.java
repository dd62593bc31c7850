package com.zebros.platform.config;

import java.util.List;

/**
 * The usage bands the Zebros seed ties to its tiers ("CRM Usage Metrics": users, customer records,
 * opportunities, data volume), as the thresholds at which a stack belongs in the next phase. Tier 1 is phase 1,
 * Tier 2 phase 2, Tier 3 phase 3; phase 0 is the seed's initial deployment, before Tier 1.
 *
 * <p>The seed gives Tier 1 only ceilings (under 25 users, 1K customers, 100 opportunities, 5 GB), so nothing in it
 * says when an initial deployment has become a startup CRM: the program takes half of Tier 1's ceilings as that
 * point, early enough to promote before Tier 1's limits are near.
 */
public final class PhaseBands {
    private static final long GB = 1L << 30;

    /** What a stack of {@code phase} has reached when any one figure is at or over its threshold. */
    public record Band(
            int phase, String seedTier, long usersPerDay, long customers, long opportunities, long dataBytes) {}

    private static final List<Band> ENTRY = List.of(
            new Band(0, "initial deployment (minimum viable CRM), before Tier 1's users", 0, 0, 0, 0),
            new Band(
                    1,
                    "Tier 1, startup CRM: under 25 users, under 1K customers, under 100 opportunities, under 5 GB"
                            + " (the program promotes at half of those: 12 users, 500 customers, 50 opportunities, 2.5 GB)",
                    12,
                    500,
                    50,
                    5 * GB / 2),
            new Band(
                    2,
                    "Tier 2, growing business: 25-100 users, 1K-10K customers, 100-1K opportunities, 5-50 GB",
                    25,
                    1_000,
                    100,
                    5 * GB),
            new Band(
                    3,
                    "Tier 3, enterprise: over 100 users, over 10K customers, over 1K opportunities, over 50 GB",
                    101,
                    10_001,
                    1_001,
                    50 * GB + 1));

    private PhaseBands() {}

    /** The thresholds at which a stack belongs in {@code phase}. */
    public static Band entry(int phase) {
        return ENTRY.get(phase);
    }
}
