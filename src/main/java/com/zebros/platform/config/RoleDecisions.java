package com.zebros.platform.config;

/**
 * What a stack's role changes, decided in one place (README, "The global layer: a region pair").
 * Components ask these questions instead of testing the role themselves; each answer is a function
 * of the role and the phase table only, and {@code RoleDecisionsTest} holds them all.
 */
public record RoleDecisions(Role role, PhaseTable phases) {

    /** A primary or a secondary: failover records, the global cluster, names both regions serve. */
    public boolean inRegionPair() {
        return role.isGlobal();
    }

    /**
     * The stack declares the CRM tables: a standalone's, or the primary's global tables with a replica in the peer
     * region. A secondary never declares a table; its replicas are the primary's
     * (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dynamodb_table).
     */
    public boolean declaresTables() {
        return role != Role.SECONDARY;
    }

    /** The API gets names of its own from the phase that adds them, and always in a pair (failover routes by name). */
    public boolean hasApiDomain() {
        return phases.has(Feature.CUSTOM_API_DOMAIN_AND_WAF) || role.isGlobal();
    }

    /**
     * CloudFront distributions live in one stack: a standalone's, or the primary's serving both regions.
     * The same alias cannot sit on two distributions
     * (https://docs.aws.amazon.com/Route53/latest/APIReference/API_AliasTarget.html).
     */
    public boolean ownsCloudFront() {
        return phases.has(Feature.CLOUDFRONT) && role != Role.SECONDARY;
    }

    /** The primary's distributions reach the regions through origin names that fail over; a standalone's directly. */
    public boolean cloudFrontThroughFailoverOrigins() {
        return role == Role.PRIMARY;
    }

    /** The failover routing value of this stack's records: the primary's answer while it is healthy. */
    public String failoverRecordRole() {
        if (!role.isGlobal()) {
            throw new IllegalStateException("a standalone stack has no failover records");
        }
        return role == Role.PRIMARY ? "PRIMARY" : "SECONDARY";
    }

    /**
     * Both regions' streams carry every change of a global table; only the active region notifies. The
     * secondary's mapping waits, disabled, for a failover (the runbook enables it).
     */
    public boolean notifiesFromStreams() {
        return role != Role.SECONDARY;
    }

    /**
     * Keycloak writes on every login and cannot run on a read-only secondary database
     * (https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-global-database.html): a secondary's
     * Keycloak stands by at zero tasks.
     */
    public boolean keycloakStandsBy() {
        return role == Role.SECONDARY;
    }

    /** The auth cluster joins the primary's global cluster: its data, users and database come from the primary. */
    public boolean auroraJoinsGlobalCluster() {
        return role == Role.SECONDARY;
    }

    /**
     * The auth cluster becomes the source of a global cluster in place
     * (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/rds_global_cluster).
     */
    public boolean auroraSourcesGlobalCluster() {
        return role == Role.PRIMARY;
    }
}
