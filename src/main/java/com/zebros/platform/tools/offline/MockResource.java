package com.zebros.platform.tools.offline;

import java.util.Map;

/**
 * One resource as the mock engine creates it: its type, logical name and region, the state its inputs start,
 * and the deterministic pieces an AWS identifier is made of (hex from its type and name), so every plan of the
 * same program reads the same ids.
 */
record MockResource(String type, String name, String region, Map<String, Object> state) {
    static final String ACCOUNT = PlanMocks.ACCOUNT;

    /** 17 hex digits from the type and name: the tail of EC2 ids, ARNs' random parts. */
    String suffix() {
        return PlanMocks.hex(type + "/" + name, 17);
    }

    /** A UUID from the type and name: KMS key ids, certificates, WAF ids. */
    String uuid() {
        String h =
                (PlanMocks.hex("uuid/" + type + "/" + name, 32) + "00000000000000000000000000000000").substring(0, 32);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20)
                + "-" + h.substring(20, 32);
    }

    /** The physical name the program gave it, or the logical name when it gave none. */
    String physical() {
        return input("name", name);
    }

    /** An input as text, or {@code fallback} when it is absent or empty. */
    String input(String key, String fallback) {
        Object value = state.get(key);
        return value == null || String.valueOf(value).isEmpty() ? fallback : String.valueOf(value);
    }

    MockResource put(String key, Object value) {
        state.put(key, value);
        return this;
    }

    /** {@code arn:aws:<service>:<region>:<account>:<resource>}. */
    String arn(String service, String resource) {
        return "arn:aws:" + service + ":" + region + ":" + ACCOUNT + ":" + resource;
    }

    /** The API Gateway URI that invokes a function or alias ARN. */
    String invokeArn(String functionArn) {
        return "arn:aws:apigateway:" + region + ":lambda:path/2015-03-31/functions/" + functionArn + "/invocations";
    }

    /** {@code us-east-1} → {@code use1}, as ElastiCache writes regions in endpoints. */
    String regionCode() {
        String[] parts = region.split("-");
        return parts[0] + parts[1].charAt(0) + parts[2];
    }
}
