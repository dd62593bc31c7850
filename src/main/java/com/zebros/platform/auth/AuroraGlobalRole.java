package com.zebros.platform.auth;

import com.zebros.platform.config.RoleDecisions;

/** The cluster's part in an Aurora Global Database. */
public enum AuroraGlobalRole {
    /** A standalone stack's cluster: a database of its own, no global cluster. */
    NONE,
    /**
     * The primary's: the source a global cluster is made from, in place
     * (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/rds_global_cluster).
     */
    SOURCE,
    /** The secondary's: joins the primary's global cluster, its data and users from there. */
    MEMBER;

    public static AuroraGlobalRole of(RoleDecisions decisions) {
        return decisions.auroraSourcesGlobalCluster() ? SOURCE : decisions.auroraJoinsGlobalCluster() ? MEMBER : NONE;
    }
}
