package com.zebros.platform;

import com.pulumi.core.annotations.ResourceType;

/**
 * The type token of every AWS resource class the program plans, read from the class's own {@code @ResourceType}
 * annotation in the provider SDK, so code that looks resources up in a plan (the preflight, the baseline, the cost
 * estimate, the offline mocks) names the SDK class rather than a string that could drift from it.
 */
public final class AwsTypes {
    public static final String ACM_CERTIFICATE = of(com.pulumi.aws.acm.Certificate.class);
    public static final String ACM_CERTIFICATE_VALIDATION = of(com.pulumi.aws.acm.CertificateValidation.class);
    public static final String APIGATEWAY_AUTHORIZER = of(com.pulumi.aws.apigateway.Authorizer.class);
    public static final String APIGATEWAY_DOMAIN_NAME = of(com.pulumi.aws.apigateway.DomainName.class);
    public static final String APIGATEWAY_INTEGRATION = of(com.pulumi.aws.apigateway.Integration.class);
    public static final String APIGATEWAY_METHOD = of(com.pulumi.aws.apigateway.Method.class);
    public static final String APIGATEWAY_METHOD_SETTINGS = of(com.pulumi.aws.apigateway.MethodSettings.class);
    public static final String APIGATEWAY_RESOURCE = of(com.pulumi.aws.apigateway.Resource.class);
    public static final String APIGATEWAY_REST_API = of(com.pulumi.aws.apigateway.RestApi.class);
    public static final String APIGATEWAY_STAGE = of(com.pulumi.aws.apigateway.Stage.class);
    public static final String APPAUTOSCALING_TARGET = of(com.pulumi.aws.appautoscaling.Target.class);
    public static final String CLOUDFRONT_DISTRIBUTION = of(com.pulumi.aws.cloudfront.Distribution.class);
    public static final String CLOUDWATCH_CONTRIBUTOR_INSIGHT_RULE =
            of(com.pulumi.aws.cloudwatch.ContributorInsightRule.class);
    public static final String CLOUDWATCH_DASHBOARD = of(com.pulumi.aws.cloudwatch.Dashboard.class);
    public static final String CLOUDWATCH_LOG_GROUP = of(com.pulumi.aws.cloudwatch.LogGroup.class);
    public static final String CLOUDWATCH_METRIC_ALARM = of(com.pulumi.aws.cloudwatch.MetricAlarm.class);
    public static final String DAX_CLUSTER = of(com.pulumi.aws.dax.Cluster.class);
    public static final String DYNAMODB_TABLE = of(com.pulumi.aws.dynamodb.Table.class);
    public static final String DYNAMODB_TABLE_REPLICA = of(com.pulumi.aws.dynamodb.TableReplica.class);
    public static final String EC2_EIP = of(com.pulumi.aws.ec2.Eip.class);
    public static final String EC2_INSTANCE = of(com.pulumi.aws.ec2.Instance.class);
    public static final String EC2_NAT_GATEWAY = of(com.pulumi.aws.ec2.NatGateway.class);
    public static final String EC2_SECURITY_GROUP = of(com.pulumi.aws.ec2.SecurityGroup.class);
    public static final String EC2_SUBNET = of(com.pulumi.aws.ec2.Subnet.class);
    public static final String EC2_VPC = of(com.pulumi.aws.ec2.Vpc.class);
    public static final String ECR_REPOSITORY = of(com.pulumi.aws.ecr.Repository.class);
    public static final String ECS_CLUSTER = of(com.pulumi.aws.ecs.Cluster.class);
    public static final String ECS_SERVICE = of(com.pulumi.aws.ecs.Service.class);
    public static final String ECS_TASK_DEFINITION = of(com.pulumi.aws.ecs.TaskDefinition.class);
    public static final String ELASTICACHE_REPLICATION_GROUP = of(com.pulumi.aws.elasticache.ReplicationGroup.class);
    public static final String IAM_ROLE = of(com.pulumi.aws.iam.Role.class);
    public static final String IAM_ROLE_POLICY = of(com.pulumi.aws.iam.RolePolicy.class);
    public static final String KMS_KEY = of(com.pulumi.aws.kms.Key.class);
    public static final String LAMBDA_ALIAS = of(com.pulumi.aws.lambda.Alias.class);
    public static final String LAMBDA_EVENT_SOURCE_MAPPING = of(com.pulumi.aws.lambda.EventSourceMapping.class);
    public static final String LAMBDA_FUNCTION = of(com.pulumi.aws.lambda.Function.class);
    public static final String LB_LISTENER = of(com.pulumi.aws.lb.Listener.class);
    public static final String LB_LOAD_BALANCER = of(com.pulumi.aws.lb.LoadBalancer.class);
    public static final String LB_TARGET_GROUP = of(com.pulumi.aws.lb.TargetGroup.class);
    public static final String PIPES_PIPE = of(com.pulumi.aws.pipes.Pipe.class);
    public static final String RDS_CLUSTER = of(com.pulumi.aws.rds.Cluster.class);
    public static final String RDS_CLUSTER_INSTANCE = of(com.pulumi.aws.rds.ClusterInstance.class);
    public static final String RDS_CLUSTER_PARAMETER_GROUP = of(com.pulumi.aws.rds.ClusterParameterGroup.class);
    public static final String RDS_GLOBAL_CLUSTER = of(com.pulumi.aws.rds.GlobalCluster.class);
    public static final String ROUTE53_HEALTH_CHECK = of(com.pulumi.aws.route53.HealthCheck.class);
    public static final String ROUTE53_RECORD = of(com.pulumi.aws.route53.Record.class);
    public static final String S3_BUCKET_POLICY = of(com.pulumi.aws.s3.BucketPolicy.class);
    public static final String S3_BUCKET_PUBLIC_ACCESS_BLOCK = of(com.pulumi.aws.s3.BucketPublicAccessBlock.class);
    public static final String S3_BUCKET_SERVER_SIDE_ENCRYPTION_CONFIGURATION_V2 =
            of(com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2.class);
    public static final String S3_BUCKET_V2 = of(com.pulumi.aws.s3.BucketV2.class);
    public static final String SECRETSMANAGER_SECRET = of(com.pulumi.aws.secretsmanager.Secret.class);
    public static final String SERVERLESSREPOSITORY_CLOUD_FORMATION_STACK =
            of(com.pulumi.aws.serverlessrepository.CloudFormationStack.class);
    public static final String SFN_STATE_MACHINE = of(com.pulumi.aws.sfn.StateMachine.class);
    public static final String SNS_TOPIC = of(com.pulumi.aws.sns.Topic.class);
    public static final String SQS_QUEUE = of(com.pulumi.aws.sqs.Queue.class);
    public static final String WAFV2_REGEX_PATTERN_SET = of(com.pulumi.aws.wafv2.RegexPatternSet.class);
    public static final String WAFV2_WEB_ACL = of(com.pulumi.aws.wafv2.WebAcl.class);
    public static final String WAFV2_WEB_ACL_ASSOCIATION = of(com.pulumi.aws.wafv2.WebAclAssociation.class);

    private AwsTypes() {}

    /** The engine's type token of {@code resource}, e.g. {@code aws:dynamodb/table:Table}. */
    public static String of(Class<?> resource) {
        ResourceType type = resource.getAnnotation(ResourceType.class);
        if (type == null) {
            throw new IllegalArgumentException(resource.getName() + " is not a Pulumi resource class");
        }
        return type.type();
    }
}
