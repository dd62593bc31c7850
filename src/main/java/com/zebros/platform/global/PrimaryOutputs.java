package com.zebros.platform.global;

/**
 * The stack outputs a primary exports and its secondary reads through the StackReference, named once for both
 * sides (ZebrosStack exports them; PrimaryStack and the secondary's components read them), so a renamed output
 * cannot leave the secondary reading nothing.
 */
public final class PrimaryOutputs {
    public static final String PHASE = "phase";
    /** The stack's zebros:role, which a secondary checks is {@code primary}. */
    public static final String ROLE = "role";

    public static final String REGION = RunbookOutputs.REGION;
    /** The primary's zebros:peerRegion, which a secondary checks is its own region. */
    public static final String PEER_REGION = "peerRegion";

    public static final String TABLE_NAMES = "tableNames";
    public static final String TABLES_REPLICA_KEY_ARN = "tablesReplicaKeyArn";
    public static final String BUCKET_NAME = "bucketName";
    public static final String BUCKET_ARN = "bucketArn";
    public static final String FILES_KEY_ARN = "filesKeyArn";
    public static final String GLOBAL_CLUSTER = RunbookOutputs.GLOBAL_CLUSTER;
    public static final String GLOBAL_WRITER_ENDPOINT = "globalWriterEndpoint";
    public static final String API_DISTRIBUTION_DOMAIN = "apiDistributionDomain";
    public static final String AUTH_DISTRIBUTION_DOMAIN = "authDistributionDomain";
    public static final String DB_PASSWORD_FINGERPRINT = PasswordFingerprint.OUTPUT;

    private PrimaryOutputs() {}
}
