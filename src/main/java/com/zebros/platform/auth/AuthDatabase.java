package com.zebros.platform.auth;

import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.rds.Cluster;
import com.pulumi.aws.rds.ClusterArgs;
import com.pulumi.aws.rds.ClusterInstance;
import com.pulumi.aws.rds.ClusterInstanceArgs;
import com.pulumi.aws.rds.ClusterParameterGroup;
import com.pulumi.aws.rds.ClusterParameterGroupArgs;
import com.pulumi.aws.rds.GlobalCluster;
import com.pulumi.aws.rds.GlobalClusterArgs;
import com.pulumi.aws.rds.SubnetGroup;
import com.pulumi.aws.rds.SubnetGroupArgs;
import com.pulumi.aws.rds.inputs.ClusterParameterGroupParameterArgs;
import com.pulumi.aws.rds.inputs.ClusterServerlessv2ScalingConfigurationArgs;
import com.pulumi.aws.secretsmanager.Secret;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.zebros.platform.CanonicalJson;
import com.zebros.platform.NamedOutputs;
import com.zebros.platform.StackContext;
import com.zebros.platform.StatefulOptions;
import com.zebros.platform.StoredSecret;
import com.zebros.platform.ZebrosComponent;
import com.zebros.platform.config.PhaseTable;
import com.zebros.platform.config.Range;
import com.zebros.platform.data.EncryptionKey;
import com.zebros.platform.global.PrimaryOutputs;
import com.zebros.platform.global.PrimaryStack;
import com.zebros.platform.iam.PolicyDocument;
import com.zebros.platform.network.Network;
import com.zebros.platform.network.SecurityRule;
import com.zebros.platform.ops.LogGroups;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keycloak's database: Aurora PostgreSQL Serverless v2 in the data subnets, encrypted with the
 * stack's own key, TLS forced, seven days of backups.
 *
 * <p>The master password comes from the config secret {@code zebros:dbMasterPassword}, not from
 * RDS-managed Secrets Manager integration, because Aurora Global Database does not support the
 * managed password (https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/rds-secrets-manager.html) and this
 * cluster must be able to become global in place
 * (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/rds_global_cluster). The password is
 * kept in a Secrets Manager secret of our own, which is what Keycloak reads.
 */
public final class AuthDatabase extends ZebrosComponent {
    /**
     * One engine version for every stack: global members must match major and minor
     * (https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-global-database-disaster-recovery.html).
     */
    public static final String ENGINE = "aurora-postgresql";

    public static final String ENGINE_VERSION = "16.6";
    public static final String DATABASE = "keycloak";
    public static final String MASTER_USER = "zebros_admin";
    public static final int PORT = 5432;

    private final EncryptionKey key;
    private final SecurityGroup securityGroup;
    private final Cluster cluster;
    private final Secret credentials;
    private final Optional<GlobalCluster> globalCluster;
    private final Output<String> writerEndpoint;
    private final String clusterId;
    private final List<Map<String, Object>> instanceSpecs = new java.util.ArrayList<>();
    private final List<Output<String>> instanceZones = new java.util.ArrayList<>();

    /** The cluster's identifier: what its exported log group and its CloudWatch metrics are named by. */
    public static String clusterIdentifier(StackContext stack) {
        return stack.naming().regional("auth");
    }

    /**
     * The cluster's size.
     *
     * @param acu     the Serverless v2 capacity range, in steps of 0.5 ACU
     * @param readers the readers after the writer, each in the next zone
     */
    public record Size(Range acu, int readers) {
        public Size {
            if (acu.min() < 0.5 || acu.max() > 256 || acu.max() < acu.min()) {
                throw new IllegalArgumentException("Aurora Serverless v2 runs between 0.5 and 256 ACU, was " + acu);
            }
            if (readers < 0 || readers > 15) {
                throw new IllegalArgumentException("an Aurora cluster has 0 to 15 readers, was " + readers);
            }
        }

        public static Size forPhase(PhaseTable phases) {
            return new Size(phases.auroraAcu(), phases.auroraReaders());
        }
    }

    /**
     * What the database uses, how large it is and its part in the global database.
     *
     * @param network        the VPC whose data subnets it lives in
     * @param primary        the primary stack, when this is a secondary: its cluster joins the primary's
     *                       global cluster instead of holding a database of its own
     * @param masterPassword the master password (the config secret {@code zebros:dbMasterPassword})
     */
    public record Args(
            Network network,
            Optional<PrimaryStack> primary,
            com.zebros.platform.config.Secret masterPassword,
            Size size,
            AuroraGlobalRole globalRole) {
        public Args {
            if (globalRole == AuroraGlobalRole.MEMBER && primary.isEmpty()) {
                throw new IllegalArgumentException("a member of the global cluster needs its primary stack");
            }
        }
    }

    private final Size size;
    private final AuroraGlobalRole globalRole;
    private final com.zebros.platform.config.Secret masterPassword;

    public AuthDatabase(String name, StackContext stack, Args args) {
        super("zebros:auth:AuthDatabase", name, stack);
        this.globalRole = args.globalRole();
        this.masterPassword = args.masterPassword();
        this.size = args.size();
        Network network = args.network();
        Optional<PrimaryStack> primary = args.primary();
        var naming = stack.naming();
        key = new EncryptionKey(
                name + "-key",
                EncryptionKey.Args.of(
                        naming.physical("auth-db"),
                        "Zebros CRM auth database of stack " + stack.stackName(),
                        stack.deletionProtection()),
                this,
                stack.provider());

        securityGroup = new SecurityGroup(
                name + "-sg",
                SecurityGroupArgs.builder()
                        .name(naming.physical("auth-db"))
                        .description("Aurora PostgreSQL for Keycloak: reachable from Keycloak tasks only")
                        .vpcId(network.vpcId())
                        .build(),
                child());
        var subnets = new SubnetGroup(
                name + "-subnets",
                SubnetGroupArgs.builder()
                        .name(naming.physical("auth-db"))
                        .description("Data subnets of the Zebros CRM VPC")
                        .subnetIds(Output.all(network.dataSubnetIds()))
                        .build(),
                child());
        var parameters = new ClusterParameterGroup(
                name + "-params",
                ClusterParameterGroupArgs.builder()
                        .name(naming.physical("auth-db"))
                        .family("aurora-postgresql16")
                        .description("TLS only for the Zebros CRM auth database")
                        .parameters(ClusterParameterGroupParameterArgs.builder()
                                .name("rds.force_ssl")
                                .value("1")
                                .build())
                        .build(),
                child());

        this.clusterId = clusterIdentifier(stack);
        var clusterArgs = clusterArgs(stack, subnets, parameters, primary);
        // RDS publishes the exported PostgreSQL log to this group, its name fixed by RDS:
        // https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/AuroraPostgreSQL.CloudWatch.html
        var exportedLogs = LogGroups.create(
                name + "-logs", "/aws/rds/cluster/" + clusterIdentifier(stack) + "/postgresql", stack, child());
        cluster = new Cluster(
                name,
                clusterArgs.build(),
                CustomResourceOptions.merge(
                        StatefulOptions.auroraCluster(
                                stack.deletionProtection(),
                                this,
                                stack.provider(),
                                globalRole != AuroraGlobalRole.NONE),
                        CustomResourceOptions.builder().dependsOn(exportedLogs).build()));

        instances(name, stack);

        credentials = new StoredSecret(
                        name + "-credentials",
                        "zebros/" + stack.stackName() + "/keycloak-db",
                        "Keycloak's database login; read by the Keycloak task at start",
                        Optional.of(key.arn()),
                        credentialsJson(masterPassword.reveal()),
                        stack.deletionProtection())
                .create(StatefulOptions.secret(stack.deletionProtection(), this, stack.provider()), child());

        globalCluster =
                globalRole == AuroraGlobalRole.SOURCE ? Optional.of(globalCluster(name, stack)) : Optional.empty();
        writerEndpoint = writerEndpoint(primary);
        registerOutputs(Map.of("clusterIdentifier", cluster.clusterIdentifier(), "endpoint", cluster.endpoint()));
    }

    /** The cluster: Serverless v2 within the phase's capacity, encrypted, TLS only, a week of backups. */
    private ClusterArgs.Builder clusterArgs(
            StackContext stack, SubnetGroup subnets, ClusterParameterGroup parameters, Optional<PrimaryStack> primary) {
        var naming = stack.naming();
        Range acu = size.acu();
        boolean keepFinalSnapshot = stack.deletionProtection();
        var args = ClusterArgs.builder()
                .clusterIdentifier(clusterIdentifier(stack))
                .engine(ENGINE)
                .engineVersion(ENGINE_VERSION)
                .engineMode("provisioned")
                .port(PORT)
                .storageEncrypted(true)
                .kmsKeyId(key.arn())
                .dbSubnetGroupName(subnets.name())
                .vpcSecurityGroupIds(securityGroup.id().applyValue(List::of))
                .dbClusterParameterGroupName(parameters.name())
                .serverlessv2ScalingConfiguration(ClusterServerlessv2ScalingConfigurationArgs.builder()
                        .minCapacity(acu.min())
                        .maxCapacity(acu.max())
                        .build())
                .backupRetentionPeriod(7)
                .preferredBackupWindow("03:00-04:00")
                .copyTagsToSnapshot(true)
                .enabledCloudwatchLogsExports("postgresql")
                .deletionProtection(stack.deletionProtection())
                .skipFinalSnapshot(!keepFinalSnapshot);
        if (globalRole == AuroraGlobalRole.MEMBER) {
            // A member joined to the global cluster: its data, users and database come from the
            // primary, so it sets no master user, password or database name
            // (https://github.com/pulumi/pulumi-aws/issues/3751).
            args.globalClusterIdentifier(primary.orElseThrow().string(PrimaryOutputs.GLOBAL_CLUSTER));
        } else {
            args.databaseName(DATABASE)
                    .masterUsername(MASTER_USER)
                    .masterPassword(Output.ofSecret(masterPassword.reveal()));
        }
        if (keepFinalSnapshot) {
            args.finalSnapshotIdentifier(naming.regional("auth-final"));
        }
        return args;
    }

    /**
     * The writer, then the phase's readers after it. In a secondary the writer reads until a failover
     * promotes its cluster; the names stay.
     */
    private void instances(String name, StackContext stack) {
        ClusterInstance first = null;
        for (AuroraMembers.Member member : AuroraMembers.of(size.readers())) {
            instanceSpecs.add(Map.of(
                    "identifier",
                    stack.naming().regional(member.identifier()),
                    "promotionTier",
                    member.promotionTier()));
            instanceZones.add(stack.zone(member.zone()));
            var instance = new ClusterInstance(
                    name + "-" + member.suffix(),
                    ClusterInstanceArgs.builder()
                            .identifier(stack.naming().regional(member.identifier()))
                            .clusterIdentifier(cluster.id())
                            .instanceClass("db.serverless")
                            .engine(ENGINE)
                            .engineVersion(ENGINE_VERSION)
                            .availabilityZone(stack.zone(member.zone()))
                            .publiclyAccessible(false)
                            .promotionTier(member.promotionTier())
                            .build(),
                    member.isWriter() ? child() : childAfter(first));
            if (member.isWriter()) {
                first = instance;
            }
        }
    }

    /**
     * The global cluster a primary makes of its regional cluster: the existing cluster becomes global in place, and
     * the cluster never names the global cluster itself
     * (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/rds_global_cluster).
     */
    private GlobalCluster globalCluster(String name, StackContext stack) {
        return new GlobalCluster(
                name + "-global",
                GlobalClusterArgs.builder()
                        .globalClusterIdentifier(stack.naming().physical("auth-global"))
                        .sourceDbClusterIdentifier(cluster.arn())
                        .forceDestroy(true)
                        .deletionProtection(stack.deletionProtection())
                        .build(),
                StatefulOptions.globalCluster(stack.deletionProtection(), this, stack.provider()));
    }

    /** Where the writer is: the global cluster's endpoint in a pair (made here by the primary), else the cluster's. */
    private Output<String> writerEndpoint(Optional<PrimaryStack> primary) {
        if (globalCluster.isPresent()) {
            return globalCluster.get().endpoint();
        } else if (globalRole == AuroraGlobalRole.MEMBER) {
            return primary.orElseThrow().string(PrimaryOutputs.GLOBAL_WRITER_ENDPOINT);
        } else {
            return cluster.endpoint();
        }
    }

    /** The global cluster a primary makes from its regional cluster. */
    public Optional<GlobalCluster> globalCluster() {
        return globalCluster;
    }

    private static String credentialsJson(String password) {
        return CanonicalJson.write(Map.of("username", MASTER_USER, "password", password));
    }

    /** Lets {@code clientSecurityGroupId} reach PostgreSQL, and nothing else in. */
    public void allowClient(String name, Output<String> clientSecurityGroupId) {
        SecurityRule.create(
                securityGroup.id(),
                List.of(SecurityRule.inFrom(name, PORT, clientSecurityGroupId, "PostgreSQL from " + name)),
                child());
    }

    /** The ECS {@code valueFrom} of one field of the credentials secret. */
    public Output<String> credentialField(String field) {
        return credentials.arn().applyValue(arn -> arn + ":" + field + "::");
    }

    public void grantReadCredentials(PolicyDocument policy) {
        policy.allow("ReadDbCredentials", List.of("secretsmanager:GetSecretValue"), List.of(credentials.arn()));
        key.grantDecrypt(policy, "ReadDbCredentialsKey");
    }

    /**
     * Where applications write: a standalone cluster's endpoint, or in a region pair the global writer
     * endpoint, which always names the current primary's writer
     * (https://www.pulumi.com/registry/packages/aws/api-docs/rds/globalcluster/).
     */
    public Output<String> writerEndpoint() {
        return writerEndpoint;
    }

    public Cluster cluster() {
        return cluster;
    }

    /**
     * What it takes to create this cluster again as a member of the global cluster, the way AWS adds a Region to a
     * global database (https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-global-database-getting-started.html):
     * its identifier, engine, network, key, parameters, capacity and instances. The failback runbook re-adds the
     * primary's cluster from it after an unplanned failover; the identifiers are the ones this stack manages, so a
     * {@code pulumi refresh} afterwards finds them.
     */
    public Output<Map<String, Object>> memberSpec() {
        return Output.of(Map.<String, Output<String>>of(
                        "securityGroupId",
                        securityGroup.id(),
                        "kmsKeyArn",
                        key.arn(),
                        "subnetGroup",
                        cluster.dbSubnetGroupName(),
                        "parameterGroup",
                        cluster.dbClusterParameterGroupName()))
                .apply(NamedOutputs::resolve)
                .apply(named -> Output.all(instanceZones).applyValue(zones -> {
                    List<Map<String, Object>> instances = new java.util.ArrayList<>();
                    for (int i = 0; i < instanceSpecs.size(); i++) {
                        Map<String, Object> instance = new java.util.TreeMap<>(instanceSpecs.get(i));
                        instance.put("availabilityZone", zones.get(i));
                        instances.add(instance);
                    }
                    Map<String, Object> spec = new java.util.TreeMap<>(named);
                    spec.put("clusterIdentifier", clusterId);
                    spec.put("engine", ENGINE);
                    spec.put("engineVersion", ENGINE_VERSION);
                    spec.put("minAcu", size.acu().min());
                    spec.put("maxAcu", size.acu().max());
                    spec.put("instances", instances);
                    return spec;
                }));
    }

    public EncryptionKey key() {
        return key;
    }
}
