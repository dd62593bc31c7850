package com.zebros.platform.config;

/**
 * The CPU and memory pairs Fargate accepts
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-cpu-memory-error.html); anything else fails at
 * deploy.
 */
public final class FargateSizes {

    private FargateSizes() {}

    public static boolean isValid(int cpu, int memoryMb) {
        switch (cpu) {
            case 256:
                return memoryMb == 512 || memoryMb == 1024 || memoryMb == 2048;
            case 512:
                return inSteps(memoryMb, 1024, 4096, 1024);
            case 1024:
                return inSteps(memoryMb, 2048, 8192, 1024);
            case 2048:
                return inSteps(memoryMb, 4096, 16384, 1024);
            case 4096:
                return inSteps(memoryMb, 8192, 30720, 1024);
            case 8192:
                return inSteps(memoryMb, 16384, 61440, 4096);
            case 16384:
                return inSteps(memoryMb, 32768, 122880, 8192);
            default:
                return false;
        }
    }

    public static String allowedFor(int cpu) {
        switch (cpu) {
            case 256:
                return "CPU 256 takes 512, 1024 or 2048 MiB";
            case 512:
                return "CPU 512 takes 1024 to 4096 MiB in steps of 1024";
            case 1024:
                return "CPU 1024 takes 2048 to 8192 MiB in steps of 1024";
            case 2048:
                return "CPU 2048 takes 4096 to 16384 MiB in steps of 1024";
            case 4096:
                return "CPU 4096 takes 8192 to 30720 MiB in steps of 1024";
            case 8192:
                return "CPU 8192 takes 16384 to 61440 MiB in steps of 4096";
            case 16384:
                return "CPU 16384 takes 32768 to 122880 MiB in steps of 8192";
            default:
                return "CPU must be 256, 512, 1024, 2048, 4096, 8192 or 16384";
        }
    }

    private static boolean inSteps(int value, int min, int max, int step) {
        return value >= min && value <= max && (value - min) % step == 0;
    }
}
