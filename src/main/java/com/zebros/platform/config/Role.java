package com.zebros.platform.config;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a region stack does in the global layer (README.md, "The global layer: a region pair"). */
public enum Role {
    /** Everything in one region, no replication. */
    STANDALONE,
    /** Owns the global resources: table replicas, the Aurora global cluster, the PRIMARY failover record. */
    PRIMARY,
    /** Joins the primary's global resources and stands by with full compute. */
    SECONDARY;

    public String configValue() {
        return name().toLowerCase();
    }

    public boolean isGlobal() {
        return this != STANDALONE;
    }

    public static Optional<Role> parse(String value) {
        return Arrays.stream(values())
                .filter(r -> r.configValue().equals(value))
                .findFirst();
    }

    public static String allowedValues() {
        return Arrays.stream(values()).map(Role::configValue).collect(Collectors.joining(", "));
    }
}
