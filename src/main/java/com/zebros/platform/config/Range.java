package com.zebros.platform.config;

/** An inclusive minimum and maximum, of tasks, capacity units or ACUs. */
public record Range(double min, double max) {
    public int minInt() {
        return (int) min;
    }

    public int maxInt() {
        return (int) max;
    }
}
