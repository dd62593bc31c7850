package com.zebros.platform.config;

/**
 * What each phase switches on, as a table: a feature and the first phase that has it (README's phase table).
 * Everything that asks "does this phase have X" asks here, so a reader sees in one file what a phase brings
 * and moving a layer to another phase is one number. Sizes and counts stay in PhaseDefaults.
 */
public enum Feature {
    PROVISIONED_TABLES(1, "DynamoDB on provisioned capacity with auto-scaling (on demand before)"),
    WORKER_CPU_SCALING(1, "the report workers become an auto-scaled pool, scaled on CPU"),
    REPORT_QUEUE_SCALING(1, "the report pool scales on its queue's backlog per task"),
    WORKER_MEMORY_SCALING(2, "the report pool scales on memory too"),
    DAX(2, "a DAX cluster in front of the tables"),
    NAT_GATEWAY_PER_ZONE(2, "a managed NAT gateway in each zone instead of one NAT instance"),
    REDIS(2, "Redis for hot items (the functions join the VPC with DAX)"),
    CUSTOM_API_DOMAIN_AND_WAF(2, "the API on its custom domain and a regional WAF on the API stage and the auth ALB"),
    S3_LIFECYCLE(2, "the bucket's lifecycle: infrequent access, expiring exports and old versions"),
    LAMBDA_POWER_TUNING(2, "AWS Lambda Power Tuning, unless an override leaves it out"),
    CLOUDFRONT(3, "CloudFront and its edge web ACL in front of the API and Keycloak"),
    PROVISIONED_CONCURRENCY(
            3, "provisioned concurrency with auto-scaling on the API functions instead of reservations"),
    REDIS_CLUSTER_MODE(3, "Redis in cluster mode (two shards)"),
    LARGE_CACHE_NODES(3, "DAX and Redis on memory-optimised nodes"),
    S3_INTELLIGENT_TIERING(3, "Intelligent-Tiering with archive tiers instead of infrequent access"),
    WORKER_TIERS(3, "each kind of job on a task size of its own"),
    REPORTS_ON_SPOT(3, "report workers on Fargate Spot");

    private final int firstPhase;
    private final String meaning;

    Feature(int firstPhase, String meaning) {
        this.firstPhase = firstPhase;
        this.meaning = meaning;
    }

    public int firstPhase() {
        return firstPhase;
    }

    public String meaning() {
        return meaning;
    }

    /** Whether a stack at {@code phase} has this feature. */
    public boolean in(int phase) {
        return phase >= firstPhase;
    }

    /** Whether going from {@code from} to {@code to} is the step that switches this feature on. */
    public boolean arrivesBetween(int from, int to) {
        return !in(from) && in(to);
    }
}
