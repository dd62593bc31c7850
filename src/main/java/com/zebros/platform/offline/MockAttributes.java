package com.zebros.platform.offline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The attributes AWS would return for each resource type the program creates: what a real
 * deployment's outputs look like, so the offline plan's outputs and cross-resource wiring read true.
 */
final class MockAttributes {
    private static final String ACCOUNT = PlanMocks.ACCOUNT;

    private MockAttributes() {
    }

    /** Adds the type's attributes to {@code state} and returns the resource's id. */
    static String fill(String type, String name, String region, Map<String, Object> state) {
        String suffix = PlanMocks.hex(type + "/" + name, 17);
        String uuidSeed = PlanMocks.hex("uuid/" + type + "/" + name, 32);
        String physical = str(state, "name", name);
        switch (type) {
            case "aws:dynamodb/table:Table": {
                String arn = "arn:aws:dynamodb:" + region + ":" + ACCOUNT + ":table/" + physical;
                state.put("arn", arn);
                state.put("streamArn", arn + "/stream/2026-11-23T00:00:00.000");
                state.put("streamLabel", "2026-11-23T00:00:00.000");
                return physical;
            }
            case "aws:dynamodb/tableReplica:TableReplica": {
                String global = str(state, "globalTableArn", name);
                String table = global.substring(global.lastIndexOf('/') + 1);
                String arn = "arn:aws:dynamodb:" + region + ":" + ACCOUNT + ":table/" + table;
                state.put("arn", arn);
                return table + ":" + region;
            }
            case "aws:kms/key:Key": {
                String keyId = uuid(uuidSeed);
                state.put("arn", "arn:aws:kms:" + region + ":" + ACCOUNT + ":key/" + keyId);
                state.put("keyId", keyId);
                return keyId;
            }
            case "aws:s3/bucketV2:BucketV2": {
                String bucket = str(state, "bucket", name);
                state.put("bucket", bucket);
                state.put("arn", "arn:aws:s3:::" + bucket);
                state.put("bucketRegionalDomainName", bucket + ".s3." + region + ".amazonaws.com");
                state.put("region", region);
                return bucket;
            }
            case "aws:ec2/vpc:Vpc":
                return "vpc-" + suffix;
            case "aws:ec2/subnet:Subnet":
                return "subnet-" + suffix;
            case "aws:ec2/securityGroup:SecurityGroup": {
                String id = "sg-" + suffix;
                state.put("arn", "arn:aws:ec2:" + region + ":" + ACCOUNT + ":security-group/" + id);
                return id;
            }
            case "aws:ec2/instance:Instance":
                state.put("primaryNetworkInterfaceId", "eni-" + suffix);
                state.put("arn", "arn:aws:ec2:" + region + ":" + ACCOUNT + ":instance/i-" + suffix);
                return "i-" + suffix;
            case "aws:ec2/natGateway:NatGateway":
                return "nat-" + suffix;
            case "aws:ec2/eip:Eip":
                state.put("publicIp", "198.51.100." + (Math.abs(name.hashCode()) % 250 + 1));
                return "eipalloc-" + suffix;
            case "aws:ec2/routeTable:RouteTable":
                return "rtb-" + suffix;
            case "aws:ec2/internetGateway:InternetGateway":
                return "igw-" + suffix;
            case "aws:ec2/vpcEndpoint:VpcEndpoint":
                return "vpce-" + suffix;
            case "aws:ecr/repository:Repository":
                state.put("arn", "arn:aws:ecr:" + region + ":" + ACCOUNT + ":repository/" + physical);
                state.put("repositoryUrl", ACCOUNT + ".dkr.ecr." + region + ".amazonaws.com/" + physical);
                state.put("registryId", ACCOUNT);
                return physical;
            case "aws:rds/cluster:Cluster": {
                String id = str(state, "clusterIdentifier", name);
                state.put("arn", "arn:aws:rds:" + region + ":" + ACCOUNT + ":cluster:" + id);
                state.put("endpoint", id + ".cluster-c" + suffix.substring(0, 11) + "." + region + ".rds.amazonaws.com");
                state.put("readerEndpoint", id + ".cluster-ro-c" + suffix.substring(0, 11) + "." + region + ".rds.amazonaws.com");
                state.put("clusterResourceId", "cluster-" + suffix.toUpperCase());
                return id;
            }
            case "aws:rds/globalCluster:GlobalCluster": {
                String id = str(state, "globalClusterIdentifier", name);
                state.put("arn", "arn:aws:rds::" + ACCOUNT + ":global-cluster:" + id);
                state.put("endpoint", id + ".global-" + suffix.substring(0, 10) + ".global.rds.amazonaws.com");
                return id;
            }
            case "aws:rds/clusterInstance:ClusterInstance": {
                String id = str(state, "identifier", name);
                state.put("arn", "arn:aws:rds:" + region + ":" + ACCOUNT + ":db:" + id);
                state.put("endpoint", id + ".c" + suffix.substring(0, 11) + "." + region + ".rds.amazonaws.com");
                return id;
            }
            case "aws:secretsmanager/secret:Secret": {
                String arn = "arn:aws:secretsmanager:" + region + ":" + ACCOUNT + ":secret:" + physical + "-" + suffix.substring(0, 6);
                state.put("arn", arn);
                return arn;
            }
            case "aws:lb/loadBalancer:LoadBalancer": {
                String arn = "arn:aws:elasticloadbalancing:" + region + ":" + ACCOUNT + ":loadbalancer/app/" + physical + "/" + suffix.substring(0, 16);
                state.put("arn", arn);
                state.put("dnsName", physical + "-" + Long.parseLong(suffix.substring(0, 8), 16) + "." + region + ".elb.amazonaws.com");
                state.put("zoneId", "Z35SXDOTRQ7X7K");
                return arn;
            }
            case "aws:lb/targetGroup:TargetGroup": {
                String arn = "arn:aws:elasticloadbalancing:" + region + ":" + ACCOUNT + ":targetgroup/" + physical + "/" + suffix.substring(0, 16);
                state.put("arn", arn);
                return arn;
            }
            case "aws:lb/listener:Listener": {
                String arn = "arn:aws:elasticloadbalancing:" + region + ":" + ACCOUNT + ":listener/app/" + suffix;
                state.put("arn", arn);
                return arn;
            }
            case "aws:acm/certificate:Certificate": {
                String arn = "arn:aws:acm:" + region + ":" + ACCOUNT + ":certificate/" + uuid(uuidSeed);
                state.put("arn", arn);
                List<Map<String, Object>> options = new ArrayList<>();
                List<String> names = new ArrayList<>();
                names.add(str(state, "domainName", name));
                if (state.get("subjectAlternativeNames") instanceof List<?> sans) {
                    sans.forEach(s -> names.add(String.valueOf(s)));
                }
                for (String domain : names) {
                    Map<String, Object> option = new LinkedHashMap<>();
                    option.put("domainName", domain);
                    option.put("resourceRecordName", "_" + PlanMocks.hex(domain, 32) + "." + domain + ".");
                    option.put("resourceRecordType", "CNAME");
                    option.put("resourceRecordValue", "_" + PlanMocks.hex("v" + domain, 32) + ".acm-validations.aws.");
                    options.add(option);
                }
                state.put("domainValidationOptions", options);
                return arn;
            }
            case "aws:acm/certificateValidation:CertificateValidation":
                return str(state, "certificateArn", name);
            case "aws:route53/record:Record":
                state.put("fqdn", str(state, "name", name).replaceAll("\\.$", ""));
                return str(state, "zoneId", "Z") + "_" + str(state, "name", name) + "_" + str(state, "type", "A");
            case "aws:route53/healthCheck:HealthCheck":
                return uuid(uuidSeed);
            case "aws:iam/role:Role":
                state.put("arn", "arn:aws:iam::" + ACCOUNT + ":role/" + physical);
                state.put("uniqueId", "AROA" + suffix.toUpperCase());
                return physical;
            case "aws:cloudwatch/logGroup:LogGroup":
                state.put("arn", "arn:aws:logs:" + region + ":" + ACCOUNT + ":log-group:" + physical);
                return physical;
            case "aws:sqs/queue:Queue":
                state.put("arn", "arn:aws:sqs:" + region + ":" + ACCOUNT + ":" + physical);
                state.put("url", "https://sqs." + region + ".amazonaws.com/" + ACCOUNT + "/" + physical);
                return "https://sqs." + region + ".amazonaws.com/" + ACCOUNT + "/" + physical;
            case "aws:sns/topic:Topic": {
                String arn = "arn:aws:sns:" + region + ":" + ACCOUNT + ":" + physical;
                state.put("arn", arn);
                return arn;
            }
            case "aws:sfn/stateMachine:StateMachine": {
                String arn = "arn:aws:states:" + region + ":" + ACCOUNT + ":stateMachine:" + physical;
                state.put("arn", arn);
                return arn;
            }
            case "aws:pipes/pipe:Pipe":
                state.put("arn", "arn:aws:pipes:" + region + ":" + ACCOUNT + ":pipe/" + physical);
                return physical;
            case "aws:ecs/cluster:Cluster": {
                String arn = "arn:aws:ecs:" + region + ":" + ACCOUNT + ":cluster/" + physical;
                state.put("arn", arn);
                return arn;
            }
            case "aws:ecs/taskDefinition:TaskDefinition": {
                String family = str(state, "family", name);
                state.put("arn", "arn:aws:ecs:" + region + ":" + ACCOUNT + ":task-definition/" + family + ":1");
                state.put("arnWithoutRevision", "arn:aws:ecs:" + region + ":" + ACCOUNT + ":task-definition/" + family);
                state.put("revision", 1);
                return family;
            }
            case "aws:ecs/service:Service":
                return "arn:aws:ecs:" + region + ":" + ACCOUNT + ":service/" + physical;
            case "aws:lambda/function:Function": {
                String arn = "arn:aws:lambda:" + region + ":" + ACCOUNT + ":function:" + physical;
                state.put("arn", arn);
                state.put("version", "1");
                state.put("qualifiedArn", arn + ":1");
                state.put("invokeArn", invokeArn(region, arn));
                return physical;
            }
            case "aws:lambda/alias:Alias": {
                String arn = "arn:aws:lambda:" + region + ":" + ACCOUNT + ":function:" + str(state, "functionName", name)
                        + ":" + physical;
                state.put("arn", arn);
                state.put("invokeArn", invokeArn(region, arn));
                return arn;
            }
            case "aws:apigateway/restApi:RestApi": {
                String id = suffix.substring(0, 10);
                state.put("rootResourceId", PlanMocks.hex("root" + id, 10));
                state.put("executionArn", "arn:aws:execute-api:" + region + ":" + ACCOUNT + ":" + id);
                state.put("arn", "arn:aws:apigateway:" + region + "::/restapis/" + id);
                return id;
            }
            case "aws:apigateway/stage:Stage": {
                String api = str(state, "restApi", "api");
                String stage = str(state, "stageName", "live");
                state.put("invokeUrl", "https://" + api + ".execute-api." + region + ".amazonaws.com/" + stage);
                state.put("arn", "arn:aws:apigateway:" + region + "::/restapis/" + api + "/stages/" + stage);
                state.put("executionArn", "arn:aws:execute-api:" + region + ":" + ACCOUNT + ":" + api + "/" + stage);
                return "ags-" + api + "-" + stage;
            }
            case "aws:dax/cluster:Cluster": {
                String cluster = str(state, "clusterName", name);
                state.put("arn", "arn:aws:dax:" + region + ":" + ACCOUNT + ":cache/" + cluster);
                state.put("clusterAddress", cluster + ".abc123.dax-clusters." + region + ".amazonaws.com");
                state.put("configurationEndpoint", cluster + ".abc123.dax-clusters." + region + ".amazonaws.com:9111");
                return cluster;
            }
            case "aws:elasticache/replicationGroup:ReplicationGroup": {
                String id = str(state, "replicationGroupId", name);
                state.put("arn", "arn:aws:elasticache:" + region + ":" + ACCOUNT + ":replicationgroup:" + id);
                state.put("primaryEndpointAddress", "master." + id + ".abc123." + regionCode(region) + ".cache.amazonaws.com");
                state.put("configurationEndpointAddress", "clustercfg." + id + ".abc123." + regionCode(region) + ".cache.amazonaws.com");
                return id;
            }
            case "aws:apigateway/domainName:DomainName": {
                String domain = str(state, "domainName", name);
                state.put("arn", "arn:aws:apigateway:" + region + "::/domainnames/" + domain);
                state.put("regionalDomainName", "d-" + suffix.substring(0, 10) + ".execute-api." + region + ".amazonaws.com");
                state.put("regionalZoneId", "Z1UJRXOUMOOFQ8");
                return domain;
            }
            case "aws:wafv2/webAcl:WebAcl": {
                String scope = str(state, "scope", "REGIONAL").equals("CLOUDFRONT") ? "global" : "regional";
                String arn = "arn:aws:wafv2:" + region + ":" + ACCOUNT + ":" + scope + "/webacl/" + physical + "/" + uuid(uuidSeed);
                state.put("arn", arn);
                return uuid(uuidSeed);
            }
            case "aws:wafv2/regexPatternSet:RegexPatternSet": {
                state.put("arn", "arn:aws:wafv2:" + region + ":" + ACCOUNT + ":regional/regexpatternset/" + physical + "/"
                        + uuid(uuidSeed));
                return uuid(uuidSeed);
            }
            case "aws:serverlessrepository/cloudFormationStack:CloudFormationStack": {
                // The application's one output; SAR names the stack serverlessrepo-<name>.
                state.put("outputs", Map.of("StateMachineARN", "arn:aws:states:" + region + ":" + ACCOUNT
                        + ":stateMachine:powerTuningStateMachine-" + uuid(uuidSeed)));
                return "arn:aws:cloudformation:" + region + ":" + ACCOUNT + ":stack/serverlessrepo-" + physical + "/"
                        + uuid(uuidSeed);
            }
            case "aws:cloudfront/distribution:Distribution": {
                String id = "E" + suffix.substring(0, 13).toUpperCase();
                state.put("arn", "arn:aws:cloudfront::" + ACCOUNT + ":distribution/" + id);
                state.put("domainName", "d" + suffix.substring(0, 13) + ".cloudfront.net");
                state.put("hostedZoneId", "Z2FDTNDATAQYW2");
                return id;
            }
            default:
                state.putIfAbsent("arn", "arn:aws:" + service(type) + ":" + region + ":" + ACCOUNT + ":" + name);
                return name + "-" + suffix.substring(0, 8);
        }
    }

    private static String regionCode(String region) {
        String[] parts = region.split("-");
        return parts[0] + parts[1].charAt(0) + parts[2];
    }

    private static String invokeArn(String region, String functionArn) {
        return "arn:aws:apigateway:" + region + ":lambda:path/2015-03-31/functions/" + functionArn + "/invocations";
    }

    private static String service(String type) {
        String module = type.substring(type.indexOf(':') + 1, type.indexOf('/'));
        return module.toLowerCase();
    }

    private static String str(Map<String, Object> state, String key, String fallback) {
        Object value = state.get(key);
        return value == null || String.valueOf(value).isEmpty() ? fallback : String.valueOf(value);
    }

    private static String uuid(String hex) {
        String h = (hex + "00000000000000000000000000000000").substring(0, 32);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20)
                + "-" + h.substring(20, 32);
    }
}
