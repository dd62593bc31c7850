package com.zebros.platform.config;

/**
 * One number of the phase table that stack config may override, with the bounds AWS accepts for it.
 *
 * @param name    the key used in {@code zebros:overrides}, e.g. {@code lambdaMemoryMb.reporting}
 * @param min     the smallest value AWS accepts
 * @param max     the largest value AWS accepts
 * @param step    values must be a multiple of this (1 for counts, 0.5 for Aurora ACUs)
 * @param meaning what the number sizes, for error messages and the README table
 */
public record Setting(String name, double min, double max, double step, String meaning) {

    static Setting count(String name, double min, double max, String meaning) {
        return new Setting(name, min, max, 1, meaning);
    }

    /** Why {@code value} is not acceptable, or null when it is. */
    public String problemWith(double value) {
        if (value < min || value > max) {
            return "must be between " + format(min) + " and " + format(max);
        }
        double steps = value / step;
        if (Math.abs(steps - Math.rint(steps)) > 1e-9) {
            return step == 1 ? "must be a whole number" : "must be a multiple of " + format(step);
        }
        return null;
    }

    public static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
