package com.zebros.platform.tools.offline.transition;

/**
 * Engine versions compared the way terraform-provider-aws compares ElastiCache versions
 * (internal/service/elasticache/engine_version.go, {@code engineVersionIsDowngrade}): by numeric segments, a missing
 * segment counting as zero; a wildcard ({@code 6.x}) matches any minor version, so it is never a downgrade target.
 */
final class EngineVersions {
    private EngineVersions() {}

    /** Whether going from {@code from} to {@code to} lowers the version. */
    static boolean isDowngrade(String from, String to) {
        if (from.isEmpty() || to.isEmpty()) {
            return false;
        }
        String[] a = from.split("\\.");
        String[] b = to.split("\\.");
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "0";
            String y = i < b.length ? b[i] : "0";
            if (x.equals("x") || y.equals("x")) {
                return false;
            }
            int compared = Integer.compare(Integer.parseInt(y), Integer.parseInt(x));
            if (compared != 0) {
                return compared < 0;
            }
        }
        return false;
    }
}
