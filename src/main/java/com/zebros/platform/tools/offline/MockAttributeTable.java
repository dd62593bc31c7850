package com.zebros.platform.tools.offline;

import com.zebros.platform.AwsTypes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The entries of MockAttributes, by family of AWS service: each type's attributes and the id AWS returns. */
final class MockAttributeTable {
    private static final String ACCOUNT = PlanMocks.ACCOUNT;

    private MockAttributeTable() {}

    static void register(Map<String, Function<MockResource, String>> table) {
        data(table);
        databases(table);
        network(table);
        edge(table);
        compute(table);
    }

    private static void data(Map<String, Function<MockResource, String>> t) {
        t.put(AwsTypes.DYNAMODB_TABLE, r -> {
            String arn = r.arn("dynamodb", "table/" + r.physical());
            r.put("arn", arn)
                    .put("streamArn", arn + "/stream/2026-11-23T00:00:00.000")
                    .put("streamLabel", "2026-11-23T00:00:00.000");
            return r.physical();
        });
        t.put(AwsTypes.DYNAMODB_TABLE_REPLICA, r -> {
            String global = r.input("globalTableArn", r.name());
            String table = global.substring(global.lastIndexOf('/') + 1);
            r.put("arn", r.arn("dynamodb", "table/" + table));
            return table + ":" + r.region();
        });
        t.put(AwsTypes.KMS_KEY, r -> {
            r.put("arn", r.arn("kms", "key/" + r.uuid())).put("keyId", r.uuid());
            return r.uuid();
        });
        t.put(AwsTypes.S3_BUCKET_V2, r -> {
            String bucket = r.input("bucket", r.name());
            r.put("bucket", bucket)
                    .put("arn", "arn:aws:s3:::" + bucket)
                    .put("bucketRegionalDomainName", bucket + ".s3." + r.region() + ".amazonaws.com")
                    .put("region", r.region());
            return bucket;
        });
    }

    private static void databases(Map<String, Function<MockResource, String>> t) {
        t.put(AwsTypes.RDS_CLUSTER, r -> {
            String id = r.input("clusterIdentifier", r.name());
            String host = "." + r.region() + ".rds.amazonaws.com";
            r.put("arn", r.arn("rds", "cluster:" + id))
                    .put("endpoint", id + ".cluster-c" + r.suffix().substring(0, 11) + host)
                    .put("readerEndpoint", id + ".cluster-ro-c" + r.suffix().substring(0, 11) + host)
                    .put("clusterResourceId", "cluster-" + r.suffix().toUpperCase());
            return id;
        });
        t.put(AwsTypes.RDS_GLOBAL_CLUSTER, r -> {
            String id = r.input("globalClusterIdentifier", r.name());
            r.put("arn", "arn:aws:rds::" + ACCOUNT + ":global-cluster:" + id)
                    .put("endpoint", id + ".global-" + r.suffix().substring(0, 10) + ".global.rds.amazonaws.com");
            return id;
        });
        t.put(AwsTypes.RDS_CLUSTER_INSTANCE, r -> {
            String id = r.input("identifier", r.name());
            r.put("arn", r.arn("rds", "db:" + id))
                    .put("endpoint", id + ".c" + r.suffix().substring(0, 11) + "." + r.region() + ".rds.amazonaws.com");
            return id;
        });
        t.put(
                AwsTypes.SECRETSMANAGER_SECRET,
                r -> arnIsId(
                        r,
                        r.arn(
                                "secretsmanager",
                                "secret:" + r.physical() + "-" + r.suffix().substring(0, 6))));
        t.put(AwsTypes.DAX_CLUSTER, r -> {
            String cluster = r.input("clusterName", r.name());
            String address = cluster + ".abc123.dax-clusters." + r.region() + ".amazonaws.com";
            r.put("arn", r.arn("dax", "cache/" + cluster))
                    .put("clusterAddress", address)
                    .put("configurationEndpoint", address + ":9111");
            return cluster;
        });
        t.put(AwsTypes.ELASTICACHE_REPLICATION_GROUP, r -> {
            String id = r.input("replicationGroupId", r.name());
            String host = id + ".abc123." + r.regionCode() + ".cache.amazonaws.com";
            r.put("arn", r.arn("elasticache", "replicationgroup:" + id))
                    .put("primaryEndpointAddress", "master." + host)
                    .put("configurationEndpointAddress", "clustercfg." + host);
            return id;
        });
    }

    private static void network(Map<String, Function<MockResource, String>> t) {
        for (String[] prefix : new String[][] {
            {"vpc", "vpc"},
            {"subnet", "subnet"},
            {"natGateway", "nat"},
            {"routeTable", "rtb"},
            {"internetGateway", "igw"},
            {"vpcEndpoint", "vpce"}
        }) {
            String type =
                    "aws:ec2/" + prefix[0] + ":" + Character.toUpperCase(prefix[0].charAt(0)) + prefix[0].substring(1);
            t.put(type, r -> prefix[1] + "-" + r.suffix());
        }
        t.put(AwsTypes.EC2_SECURITY_GROUP, r -> {
            r.put("arn", r.arn("ec2", "security-group/sg-" + r.suffix()));
            return "sg-" + r.suffix();
        });
        t.put(AwsTypes.EC2_INSTANCE, r -> {
            r.put("primaryNetworkInterfaceId", "eni-" + r.suffix())
                    .put("arn", r.arn("ec2", "instance/i-" + r.suffix()));
            return "i-" + r.suffix();
        });
        t.put(AwsTypes.EC2_EIP, r -> {
            r.put("publicIp", "198.51.100." + (Math.abs(r.name().hashCode()) % 250 + 1));
            return "eipalloc-" + r.suffix();
        });
        t.put(AwsTypes.LB_LOAD_BALANCER, r -> {
            String arn = r.arn(
                    "elasticloadbalancing",
                    "loadbalancer/app/" + r.physical() + "/" + r.suffix().substring(0, 16));
            r.put("arn", arn)
                    .put("zoneId", "Z35SXDOTRQ7X7K")
                    .put(
                            "dnsName",
                            r.physical() + "-" + Long.parseLong(r.suffix().substring(0, 8), 16) + "." + r.region()
                                    + ".elb.amazonaws.com");
            return arn;
        });
        t.put(
                AwsTypes.LB_TARGET_GROUP,
                r -> arnIsId(
                        r,
                        r.arn(
                                "elasticloadbalancing",
                                "targetgroup/" + r.physical() + "/" + r.suffix().substring(0, 16))));
        t.put(AwsTypes.LB_LISTENER, r -> arnIsId(r, r.arn("elasticloadbalancing", "listener/app/" + r.suffix())));
        t.put(AwsTypes.ACM_CERTIFICATE, MockAttributeTable::certificate);
        t.put(AwsTypes.ACM_CERTIFICATE_VALIDATION, r -> r.input("certificateArn", r.name()));
        t.put(AwsTypes.ROUTE53_RECORD, r -> {
            r.put("fqdn", r.input("name", r.name()).replaceAll("\\.$", ""));
            return r.input("zoneId", "Z") + "_" + r.input("name", r.name()) + "_" + r.input("type", "A");
        });
        t.put(AwsTypes.ROUTE53_HEALTH_CHECK, MockResource::uuid);
    }

    /** A certificate with one DNS validation record per name, as ACM returns them. */
    private static String certificate(MockResource r) {
        String arn = r.arn("acm", "certificate/" + r.uuid());
        List<String> names = new ArrayList<>(List.of(r.input("domainName", r.name())));
        if (r.state().get("subjectAlternativeNames") instanceof List<?> sans) {
            sans.forEach(s -> names.add(String.valueOf(s)));
        }
        List<Map<String, Object>> options = new ArrayList<>();
        for (String domain : names) {
            Map<String, Object> option = new LinkedHashMap<>();
            option.put("domainName", domain);
            option.put("resourceRecordName", "_" + PlanMocks.hex(domain, 32) + "." + domain + ".");
            option.put("resourceRecordType", "CNAME");
            option.put("resourceRecordValue", "_" + PlanMocks.hex("v" + domain, 32) + ".acm-validations.aws.");
            options.add(option);
        }
        r.put("arn", arn).put("domainValidationOptions", options);
        return arn;
    }

    private static void edge(Map<String, Function<MockResource, String>> t) {
        t.put(AwsTypes.APIGATEWAY_REST_API, r -> {
            String id = r.suffix().substring(0, 10);
            r.put("rootResourceId", PlanMocks.hex("root" + id, 10))
                    .put("executionArn", r.arn("execute-api", id))
                    .put("arn", "arn:aws:apigateway:" + r.region() + "::/restapis/" + id);
            return id;
        });
        t.put(AwsTypes.APIGATEWAY_STAGE, r -> {
            String api = r.input("restApi", "api");
            String stage = r.input("stageName", "live");
            r.put("invokeUrl", "https://" + api + ".execute-api." + r.region() + ".amazonaws.com/" + stage)
                    .put("arn", "arn:aws:apigateway:" + r.region() + "::/restapis/" + api + "/stages/" + stage)
                    .put("executionArn", r.arn("execute-api", api + "/" + stage));
            return "ags-" + api + "-" + stage;
        });
        t.put(AwsTypes.APIGATEWAY_DOMAIN_NAME, r -> {
            String domain = r.input("domainName", r.name());
            r.put("arn", "arn:aws:apigateway:" + r.region() + "::/domainnames/" + domain)
                    .put(
                            "regionalDomainName",
                            "d-" + r.suffix().substring(0, 10) + ".execute-api." + r.region() + ".amazonaws.com")
                    .put("regionalZoneId", "Z1UJRXOUMOOFQ8");
            return domain;
        });
        t.put(AwsTypes.WAFV2_WEB_ACL, r -> {
            String scope = r.input("scope", "REGIONAL").equals("CLOUDFRONT") ? "global" : "regional";
            r.put("arn", r.arn("wafv2", scope + "/webacl/" + r.physical() + "/" + r.uuid()));
            return r.uuid();
        });
        t.put(AwsTypes.WAFV2_REGEX_PATTERN_SET, r -> {
            r.put("arn", r.arn("wafv2", "regional/regexpatternset/" + r.physical() + "/" + r.uuid()));
            return r.uuid();
        });
        t.put(AwsTypes.CLOUDFRONT_DISTRIBUTION, r -> {
            String id = "E" + r.suffix().substring(0, 13).toUpperCase();
            r.put("arn", "arn:aws:cloudfront::" + ACCOUNT + ":distribution/" + id)
                    .put("domainName", "d" + r.suffix().substring(0, 13) + ".cloudfront.net")
                    .put("hostedZoneId", "Z2FDTNDATAQYW2");
            return id;
        });
    }

    private static void compute(Map<String, Function<MockResource, String>> t) {
        t.put(AwsTypes.ECR_REPOSITORY, r -> {
            r.put("arn", r.arn("ecr", "repository/" + r.physical()))
                    .put("repositoryUrl", ACCOUNT + ".dkr.ecr." + r.region() + ".amazonaws.com/" + r.physical())
                    .put("registryId", ACCOUNT);
            return r.physical();
        });
        t.put(AwsTypes.IAM_ROLE, r -> {
            r.put("arn", "arn:aws:iam::" + ACCOUNT + ":role/" + r.physical())
                    .put("uniqueId", "AROA" + r.suffix().toUpperCase());
            return r.physical();
        });
        t.put(AwsTypes.CLOUDWATCH_LOG_GROUP, r -> named(r, r.arn("logs", "log-group:" + r.physical())));
        t.put(AwsTypes.PIPES_PIPE, r -> named(r, r.arn("pipes", "pipe/" + r.physical())));
        t.put(AwsTypes.SQS_QUEUE, r -> {
            String url = "https://sqs." + r.region() + ".amazonaws.com/" + ACCOUNT + "/" + r.physical();
            r.put("arn", r.arn("sqs", r.physical())).put("url", url);
            return url;
        });
        t.put(AwsTypes.SNS_TOPIC, r -> arnIsId(r, r.arn("sns", r.physical())));
        t.put(AwsTypes.SFN_STATE_MACHINE, r -> arnIsId(r, r.arn("states", "stateMachine:" + r.physical())));
        t.put(AwsTypes.ECS_CLUSTER, r -> arnIsId(r, r.arn("ecs", "cluster/" + r.physical())));
        t.put(AwsTypes.ECS_SERVICE, r -> r.arn("ecs", "service/" + r.physical()));
        t.put(AwsTypes.ECS_TASK_DEFINITION, r -> {
            String family = r.input("family", r.name());
            r.put("arn", r.arn("ecs", "task-definition/" + family + ":1"))
                    .put("arnWithoutRevision", r.arn("ecs", "task-definition/" + family))
                    .put("revision", 1);
            return family;
        });
        t.put(AwsTypes.LAMBDA_FUNCTION, r -> {
            String arn = r.arn("lambda", "function:" + r.physical());
            r.put("arn", arn)
                    .put("version", "1")
                    .put("qualifiedArn", arn + ":1")
                    .put("invokeArn", r.invokeArn(arn));
            return r.physical();
        });
        t.put(AwsTypes.LAMBDA_ALIAS, r -> {
            String arn = r.arn("lambda", "function:" + r.input("functionName", r.name()) + ":" + r.physical());
            r.put("arn", arn).put("invokeArn", r.invokeArn(arn));
            return arn;
        });
        t.put(AwsTypes.SERVERLESSREPOSITORY_CLOUD_FORMATION_STACK, r -> {
            // The application's one output; SAR names the stack serverlessrepo-<name>.
            r.put(
                    "outputs",
                    Map.of("StateMachineARN", r.arn("states", "stateMachine:powerTuningStateMachine-" + r.uuid())));
            return r.arn("cloudformation", "stack/serverlessrepo-" + r.physical() + "/" + r.uuid());
        });
    }

    /** Types whose id is their physical name, with an ARN. */
    private static String named(MockResource r, String arn) {
        r.put("arn", arn);
        return r.physical();
    }

    /** Types whose id is their ARN. */
    private static String arnIsId(MockResource r, String arn) {
        r.put("arn", arn);
        return arn;
    }
}
