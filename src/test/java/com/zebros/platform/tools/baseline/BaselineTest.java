package com.zebros.platform.tools.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zebros.platform.support.StackHarness;
import com.zebros.platform.tools.offline.Plan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every stack at every phase keeps the baseline; each rule catches a resource that breaks it. */
class BaselineTest {

    @ParameterizedTest(name = "{0} at phase {1}")
    @MethodSource("com.zebros.platform.support.StackHarness#everyStackAndPhase")
    void everyStackAndPhaseKeepsTheBaseline(String stack, int phase) {
        assertEquals(List.of(), Baseline.evaluate(StackHarness.rawPlan(stack, phase)));
    }

    /** {@code plan} with the inputs of one resource changed. */
    private static Plan changed(Plan plan, String type, String name, UnaryOperator<Map<String, Object>> change) {
        return com.zebros.platform.support.PlanEdits.change(
                plan, type, name, r -> r.withInputs(change.apply(new LinkedHashMap<>(r.inputs()))));
    }

    private static Map<String, Object> with(Map<String, Object> inputs, String key, Object value) {
        inputs.put(key, value);
        return inputs;
    }

    private static void assertBreaks(String rule, Plan broken) {
        var violations = Baseline.evaluate(broken);
        assertTrue(
                violations.stream().anyMatch(v -> v.rule().equals(rule)), rule + " must catch it; found " + violations);
        assertTrue(
                violations.stream().allMatch(v -> v.fix() != null && !v.fix().isBlank()),
                "every violation says how to fix it");
    }

    @Test
    void eachRuleCatchesAResourceThatBreaksIt() {
        Plan dev = StackHarness.rawPlan("dev", 0);
        Plan p3 = StackHarness.rawPlan("dev", 3);
        Plan prod = StackHarness.rawPlan("prod-us", 2);
        assertBreaks(
                "S3_PUBLIC_ACCESS_BLOCKED",
                changed(
                        dev,
                        "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
                        "files-public-access",
                        i -> with(i, "restrictPublicBuckets", false)));
        assertBreaks(
                "S3_TLS_ONLY",
                changed(
                        dev,
                        "aws:s3/bucketPolicy:BucketPolicy",
                        "files-policy",
                        i -> with(i, "policy", "{\"Statement\":[]}")));
        assertBreaks(
                "S3_ENCRYPTED",
                changed(
                        dev,
                        "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
                        "files-encryption",
                        i -> with(
                                i,
                                "rules",
                                List.of(Map.of(
                                        "applyServerSideEncryptionByDefault", Map.of("sseAlgorithm", "AES256"))))));
        assertBreaks(
                "DYNAMODB_KMS_AND_PITR",
                changed(
                        dev,
                        "aws:dynamodb/table:Table",
                        "customers",
                        i -> with(i, "pointInTimeRecovery", Map.of("enabled", false))));
        assertBreaks(
                "AURORA_ENCRYPTED_PROTECTED_BACKED_UP",
                changed(prod, "aws:rds/cluster:Cluster", "auth-db", i -> with(i, "deletionProtection", false)));
        assertBreaks(
                "AURORA_ENCRYPTED_PROTECTED_BACKED_UP",
                changed(dev, "aws:rds/cluster:Cluster", "auth-db", i -> with(i, "backupRetentionPeriod", 1L)));
        assertBreaks(
                "CACHES_ENCRYPTED",
                changed(
                        p3,
                        "aws:elasticache/replicationGroup:ReplicationGroup",
                        "sessions",
                        i -> with(i, "transitEncryptionEnabled", false)));
        assertBreaks(
                "CACHES_ENCRYPTED",
                changed(p3, "aws:dax/cluster:Cluster", "dax", i -> with(i, "clusterEndpointEncryptionType", "NONE")));
        assertBreaks(
                "LOGS_ENCRYPTED_WITH_RETENTION",
                changed(dev, "aws:cloudwatch/logGroup:LogGroup", "keycloak-logs", i -> {
                    i.remove("kmsKeyId");
                    return i;
                }));
        assertBreaks(
                "EC2_HARDENED",
                changed(
                        dev,
                        "aws:ec2/instance:Instance",
                        "network-nat-instance",
                        i -> with(i, "metadataOptions", Map.of("httpTokens", "optional"))));
        assertBreaks(
                "ALB_HTTPS_ONLY",
                changed(
                        dev,
                        "aws:lb/listener:Listener",
                        "keycloak-lb-https",
                        i -> with(i, "sslPolicy", "ELBSecurityPolicy-2016-08")));
        assertBreaks(
                "ALB_HTTPS_ONLY",
                changed(
                        dev,
                        "aws:lb/listener:Listener",
                        "keycloak-lb-http",
                        i -> with(i, "defaultActions", List.of(Map.of("type", "forward")))));
        assertBreaks(
                "CLOUDFRONT_TLS",
                changed(
                        p3,
                        "aws:cloudfront/distribution:Distribution",
                        "edge-cdn-api",
                        i -> with(i, "viewerCertificate", Map.of("minimumProtocolVersion", "TLSv1"))));
        assertBreaks("APIGW_ACCESS_LOGS_AND_THROTTLING", changed(dev, "aws:apigateway/stage:Stage", "api-stage", i -> {
            i.remove("accessLogSettings");
            return i;
        }));
        assertBreaks(
                "WAF_ON_PUBLIC_ENTRY_POINTS",
                changed(p3, "aws:cloudfront/distribution:Distribution", "edge-cdn-auth", i -> {
                    i.remove("webAclId");
                    return i;
                }));
        assertBreaks(
                "WAF_ON_PUBLIC_ENTRY_POINTS",
                changed(
                        prod,
                        "aws:wafv2/webAclAssociation:WebAclAssociation",
                        "edge-waf-api",
                        i -> with(i, "resourceArn", "arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/x")));
        assertBreaks(
                "IAM_LEAST_PRIVILEGE",
                changed(
                        dev,
                        "aws:iam/rolePolicy:RolePolicy",
                        "customers-role-policy",
                        i -> with(
                                i,
                                "policy",
                                "{\"Statement\":[{\"Sid\":\"All\",\"Effect\":\"Allow\",\"Action\":\"dynamodb:*\",\"Resource\":\"*\"}]}")));
        assertBreaks(
                "NO_SECRET_IN_PLAIN_CONFIG",
                changed(
                        dev,
                        "aws:lambda/function:Function",
                        "customers",
                        i -> with(i, "environment", Map.of("variables", Map.of("DB_PASSWORD", "hunter2")))));
    }

    @Test
    void everyRuleSaysWhyAndHowToFix() {
        assertEquals(14, Baseline.rules().size());
        Baseline.rules().forEach(rule -> {
            assertTrue(rule.why().length() > 20, rule.id());
            assertTrue(rule.fix().length() > 20, rule.id());
        });
    }
}
