package com.zebros.platform.tools.runbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The recovered primary's Aurora cluster taken out of the global database and added back as a new member, as AWS
 * documents the recovery from an unplanned outage
 * (https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-global-database-disaster-recovery.html#aurora-global-database-failover):
 * after a failover with data loss the old primary holds writes that never reached the new one, so it is detached,
 * kept as a snapshot, deleted, and created again inside the global cluster, which then copies the current data into
 * it. The commands follow the AWS CLI reference for rds remove-from-global-cluster, create-db-cluster-snapshot,
 * modify-db-cluster, delete-db-instance, delete-db-cluster, create-db-cluster, create-db-instance and wait.
 *
 * @param globalCluster  the global cluster's identifier
 * @param clusterArn     the recovered cluster's ARN
 * @param region         the recovered region
 * @param survivorRegion the region that served during the outage: membership is read there
 * @param spec           the cluster as its stack exports it (AuthDatabase.memberSpec)
 */
record ReAddedCluster(
        String globalCluster, String clusterArn, String region, String survivorRegion, Map<String, Object> spec) {

    List<Step> steps() {
        String id = text("clusterIdentifier");
        String snapshot = id + "-before-failback";
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(
                "Take the recovered cluster out of the global database (if AWS already detached it, the "
                        + "command says it is not a member: go on).",
                "aws rds remove-from-global-cluster --global-cluster-identifier " + globalCluster
                        + " --db-cluster-identifier " + clusterArn + " --region " + region,
                members(),
                "no line holding " + clusterArn));
        steps.add(new Step(
                "Keep what it holds: the writes the failover lost are only in it.",
                "aws rds create-db-cluster-snapshot --db-cluster-identifier " + id
                        + " --db-cluster-snapshot-identifier " + snapshot + " --region " + region,
                "aws rds describe-db-cluster-snapshots --db-cluster-snapshot-identifier " + snapshot
                        + " --query 'DBClusterSnapshots[0].Status' --output text --region " + region,
                "available"));
        List<String> deletes = new ArrayList<>();
        deletes.add("aws rds modify-db-cluster --db-cluster-identifier " + id + " --no-deletion-protection"
                + " --apply-immediately --region " + region);
        for (String instance : instances()) {
            deletes.add("aws rds delete-db-instance --db-instance-identifier " + instance + " --region " + region);
        }
        for (String instance : instances()) {
            deletes.add(
                    "aws rds wait db-instance-deleted --db-instance-identifier " + instance + " --region " + region);
        }
        deletes.add("aws rds delete-db-cluster --db-cluster-identifier " + id + " --skip-final-snapshot --region "
                + region);
        steps.add(new Step(
                "Delete the detached cluster (its data is in the snapshot), so its name is free again.",
                String.join(" && ", deletes),
                "aws rds wait db-cluster-deleted --db-cluster-identifier " + id + " --region " + region,
                "no output (the wait returns once it is gone)"));
        List<String> creates = new ArrayList<>();
        creates.add("aws rds create-db-cluster --db-cluster-identifier " + id + " --global-cluster-identifier "
                + globalCluster + " --engine " + text("engine") + " --engine-version " + text("engineVersion")
                + " --db-subnet-group-name " + text("subnetGroup") + " --vpc-security-group-ids "
                + text("securityGroupId") + " --kms-key-id " + text("kmsKeyArn") + " --storage-encrypted"
                + " --db-cluster-parameter-group-name " + text("parameterGroup")
                + " --serverless-v2-scaling-configuration MinCapacity=" + number("minAcu") + ",MaxCapacity="
                + number("maxAcu") + " --region " + region);
        for (Map<String, Object> instance : instanceSpecs()) {
            creates.add("aws rds create-db-instance --db-instance-identifier " + instance.get("identifier")
                    + " --db-cluster-identifier " + id + " --engine " + text("engine") + " --db-instance-class"
                    + " db.serverless --availability-zone " + instance.get("availabilityZone") + " --promotion-tier "
                    + whole(instance.get("promotionTier")) + " --no-publicly-accessible --region " + region);
        }
        steps.add(new Step(
                "Add the region back: the same cluster and instances, created inside the global cluster,"
                        + " which copies the current data into them.",
                String.join(" && ", creates),
                members(),
                "a line holding " + clusterArn));
        steps.add(new Step(
                "Wait until the new member is available.",
                "aws rds wait db-cluster-available " + "--db-cluster-identifier " + id + " --region " + region,
                "aws rds describe-db-clusters " + "--db-cluster-identifier " + id
                        + " --query 'DBClusters[0].Status' --output text --region " + region,
                "available"));
        return steps;
    }

    private String members() {
        return "aws rds describe-global-clusters --global-cluster-identifier " + globalCluster
                + " --query 'GlobalClusters[0].GlobalClusterMembers[].DBClusterArn' --output text --region "
                + survivorRegion;
    }

    private List<String> instances() {
        return instanceSpecs().stream()
                .map(i -> String.valueOf(i.get("identifier")))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> instanceSpecs() {
        return (List<Map<String, Object>>) spec.get("instances");
    }

    private String text(String key) {
        Object value = spec.get(key);
        if (value == null) {
            throw new IllegalArgumentException("the auth cluster spec has no " + key);
        }
        return String.valueOf(value);
    }

    private String number(String key) {
        return whole(spec.get(key));
    }

    private static String whole(Object value) {
        return value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                ? String.valueOf(n.longValue())
                : String.valueOf(value);
    }
}
