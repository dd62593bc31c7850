package com.zebros.platform.tools.preflight;

import com.zebros.platform.AwsTypes;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Name rules AWS documents on its API pages but its models do not state (or state looser), each
 * with the page it comes from.
 */
final class NameRules {
    /** Letters, digits and hyphens; a letter first; no trailing hyphen and no two hyphens in a row. */
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z](?!.*--)[A-Za-z0-9-]*(?<!-)");

    private static final String IDENTIFIER_DESCRIBED =
            "letters, digits and hyphens, a letter first, no trailing or double hyphen";
    private static final Pattern ELB_NAME = Pattern.compile("(?!internal-)[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?");
    private static final Pattern BUCKET = Pattern.compile(
            "(?=.{3,63}$)(?!xn--|sthree-|\\d+\\.\\d+\\.\\d+\\.\\d+$)(?!.*\\.\\.)[a-z0-9][a-z0-9.-]*[a-z0-9](?<!-s3alias)(?<!--ol-s3)");
    private static final Pattern LETTERS_DIGITS_DASH_UNDERSCORE = Pattern.compile("[A-Za-z0-9_-]+");
    private static final String LETTERS_DIGITS_DASH_UNDERSCORE_DESCRIBED = "letters, digits, hyphens and underscores";
    /** SQS queue and SNS topic names: the same characters, with ".fifo" ending a FIFO one. */
    private static final Pattern QUEUE_OR_TOPIC = Pattern.compile("[A-Za-z0-9_-]+(\\.fifo)?");

    private NameRules() {}

    static List<DocumentedRule> all() {
        List<DocumentedRule> rules = new java.util.ArrayList<>(storageAndDatabaseNames());
        rules.addAll(computeAndEdgeNames());
        return List.copyOf(rules);
    }

    /** Buckets, load balancers and the data stores. */
    private static List<DocumentedRule> storageAndDatabaseNames() {
        return List.of(
                RuleSupport.name(
                        "s3-bucket-name",
                        AwsTypes.S3_BUCKET_V2,
                        "bucket",
                        63,
                        BUCKET,
                        "3-63 lower-case letters, digits, dots and hyphens, starting and ending with a letter or "
                                + "digit, no '..', not an IP address, no reserved prefix or suffix",
                        "https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html"),
                RuleSupport.name(
                        "elb-load-balancer-name",
                        AwsTypes.LB_LOAD_BALANCER,
                        "name",
                        32,
                        ELB_NAME,
                        "letters, digits and hyphens, not starting or ending with a hyphen, not starting with 'internal-'",
                        "https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateLoadBalancer.html"),
                RuleSupport.name(
                        "elb-target-group-name",
                        AwsTypes.LB_TARGET_GROUP,
                        "name",
                        32,
                        ELB_NAME,
                        "letters, digits and hyphens, not starting or ending with a hyphen",
                        "https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateTargetGroup.html"),
                RuleSupport.name(
                        "dax-cluster-name",
                        AwsTypes.DAX_CLUSTER,
                        "clusterName",
                        20,
                        IDENTIFIER,
                        IDENTIFIER_DESCRIBED,
                        "https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_dax_CreateCluster.html"),
                RuleSupport.name(
                        "elasticache-replication-group-id",
                        AwsTypes.ELASTICACHE_REPLICATION_GROUP,
                        "replicationGroupId",
                        40,
                        IDENTIFIER,
                        IDENTIFIER_DESCRIBED,
                        "https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_CreateReplicationGroup.html"),
                RuleSupport.name(
                        "rds-cluster-identifier",
                        AwsTypes.RDS_CLUSTER,
                        "clusterIdentifier",
                        63,
                        IDENTIFIER,
                        IDENTIFIER_DESCRIBED,
                        "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBCluster.html"),
                RuleSupport.name(
                        "rds-instance-identifier",
                        AwsTypes.RDS_CLUSTER_INSTANCE,
                        "identifier",
                        63,
                        IDENTIFIER,
                        IDENTIFIER_DESCRIBED,
                        "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html"),
                RuleSupport.name(
                        "rds-global-cluster-identifier",
                        AwsTypes.RDS_GLOBAL_CLUSTER,
                        "globalClusterIdentifier",
                        63,
                        IDENTIFIER,
                        IDENTIFIER_DESCRIBED,
                        "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateGlobalCluster.html"),
                RuleSupport.name(
                        "rds-cluster-parameter-group-name",
                        AwsTypes.RDS_CLUSTER_PARAMETER_GROUP,
                        "name",
                        255,
                        IDENTIFIER,
                        IDENTIFIER_DESCRIBED,
                        "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBClusterParameterGroup.html"));
    }

    /** Queues, topics, functions, tasks, workflows, security groups, certificates and health checks. */
    private static List<DocumentedRule> computeAndEdgeNames() {
        return List.of(
                RuleSupport.name(
                        "sqs-queue-name",
                        AwsTypes.SQS_QUEUE,
                        "name",
                        80,
                        QUEUE_OR_TOPIC,
                        LETTERS_DIGITS_DASH_UNDERSCORE_DESCRIBED,
                        "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_CreateQueue.html"),
                RuleSupport.name(
                        "sns-topic-name",
                        AwsTypes.SNS_TOPIC,
                        "name",
                        256,
                        QUEUE_OR_TOPIC,
                        LETTERS_DIGITS_DASH_UNDERSCORE_DESCRIBED,
                        "https://docs.aws.amazon.com/sns/latest/api/API_CreateTopic.html"),
                RuleSupport.name(
                        "lambda-function-name",
                        AwsTypes.LAMBDA_FUNCTION,
                        "name",
                        64,
                        LETTERS_DIGITS_DASH_UNDERSCORE,
                        "letters, digits, hyphens and underscores; 64 characters for a plain name (140 only for an ARN)",
                        "https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html"),
                RuleSupport.name(
                        "ecs-family-name",
                        AwsTypes.ECS_TASK_DEFINITION,
                        "family",
                        255,
                        LETTERS_DIGITS_DASH_UNDERSCORE,
                        LETTERS_DIGITS_DASH_UNDERSCORE_DESCRIBED,
                        "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html"),
                RuleSupport.name(
                        "ecs-cluster-name",
                        AwsTypes.ECS_CLUSTER,
                        "name",
                        255,
                        LETTERS_DIGITS_DASH_UNDERSCORE,
                        LETTERS_DIGITS_DASH_UNDERSCORE_DESCRIBED,
                        "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateCluster.html"),
                RuleSupport.name(
                        "ecs-service-name",
                        AwsTypes.ECS_SERVICE,
                        "name",
                        255,
                        LETTERS_DIGITS_DASH_UNDERSCORE,
                        LETTERS_DIGITS_DASH_UNDERSCORE_DESCRIBED,
                        "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html"),
                RuleSupport.name(
                        "states-state-machine-name",
                        AwsTypes.SFN_STATE_MACHINE,
                        "name",
                        80,
                        LETTERS_DIGITS_DASH_UNDERSCORE,
                        "letters, digits, hyphens and underscores (CloudWatch logging needs exactly these)",
                        "https://docs.aws.amazon.com/step-functions/latest/apireference/API_CreateStateMachine.html"),
                RuleSupport.name(
                        "ec2-security-group-name",
                        AwsTypes.EC2_SECURITY_GROUP,
                        "name",
                        255,
                        Pattern.compile("(?!sg-).*"),
                        "a name not starting with 'sg-'",
                        "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateSecurityGroup.html"),
                RuleSupport.name(
                        "acm-first-domain-name",
                        AwsTypes.ACM_CERTIFICATE,
                        "domainName",
                        64,
                        Pattern.compile(".+"),
                        "a first domain name (the certificate's common name) of at most 64 octets",
                        "https://docs.aws.amazon.com/acm/latest/userguide/gs-acm-request-public.html"),
                RuleSupport.name(
                        "route53-health-check-reference",
                        AwsTypes.ROUTE53_HEALTH_CHECK,
                        "referenceName",
                        27,
                        Pattern.compile(".+"),
                        "a reference name; the provider appends '-terraform-' and a 26-character unique id to make "
                                + "the 64-character CallerReference, so its schema allows 64 - 26 - 11 = 27",
                        "https://github.com/hashicorp/terraform-provider-aws/blob/main/internal/service/route53/health_check.go"));
    }
}
