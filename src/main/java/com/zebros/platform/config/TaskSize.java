package com.zebros.platform.config;

/** A Fargate task size in CPU units (1024 = 1 vCPU) and MiB, as ECS takes them. */
public record TaskSize(int cpu, int memoryMb) {
    public String describe() {
        return String.format("%s vCPU / %s GB", trim(cpu / 1024.0), trim(memoryMb / 1024.0));
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
