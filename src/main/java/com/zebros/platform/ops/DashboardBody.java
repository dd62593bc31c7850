package com.zebros.platform.ops;

import com.zebros.platform.CanonicalJson;
import com.zebros.platform.compute.JobDurationMetric;
import com.zebros.platform.config.WorkerKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CloudWatch dashboard, one widget per item of the seeds' monitoring list. Pure data from the
 * watched names, so tests read the widgets directly.
 */
public final class DashboardBody {
    static final String CRM = "ZebrosCRM";

    private DashboardBody() {}

    public static String render(Monitoring.Watched w) {
        List<Map<String, Object>> widgets = new ArrayList<>();
        widgets.add(widget(
                "Per-endpoint latency p95 / p99 (ms)",
                List.of(
                        expression("SEARCH('{" + CRM + ",Service,Route} MetricName=\"Latency\"', 'p95', 300)", "p95"),
                        expression("SEARCH('{" + CRM + ",Service,Route} MetricName=\"Latency\"', 'p99', 300)", "p99")),
                w.region()));
        List<Object> concurrency = new ArrayList<>();
        w.functions()
                .forEach((group, fn) -> concurrency.add(List.of(
                        "AWS/Lambda",
                        "ConcurrentExecutions",
                        "FunctionName",
                        fn,
                        Map.of("stat", "Maximum", "label", group))));
        widgets.add(widget("Concurrent Lambda executions by function", concurrency, w.region()));
        List<Object> capacity = new ArrayList<>();
        w.tables().forEach((table, physical) -> {
            capacity.add(List.of(
                    "AWS/DynamoDB",
                    "ConsumedReadCapacityUnits",
                    "TableName",
                    physical,
                    Map.of("stat", "Sum", "label", table + " read")));
            capacity.add(List.of(
                    "AWS/DynamoDB",
                    "ConsumedWriteCapacityUnits",
                    "TableName",
                    physical,
                    Map.of("stat", "Sum", "label", table + " write")));
        });
        widgets.add(widget("DynamoDB consumed capacity by table", capacity, w.region()));
        // The job state machine runs every kind of job; a report's own time comes from the workers' log
        // (JobDurationMetric).
        widgets.add(widget(
                "Step Functions execution time (report jobs)",
                List.of(
                        List.of(
                                JobDurationMetric.NAMESPACE,
                                JobDurationMetric.METRIC,
                                "Kind",
                                WorkerKind.REPORT.id(),
                                Map.of("stat", "p95", "label", "report p95 (s)")),
                        List.of(
                                JobDurationMetric.NAMESPACE,
                                JobDurationMetric.METRIC,
                                "Kind",
                                WorkerKind.REPORT.id(),
                                Map.of("stat", "p50", "label", "report p50 (s)")),
                        List.of(
                                "AWS/States",
                                "ExecutionsFailed",
                                "StateMachineArn",
                                w.stateMachineArn(),
                                Map.of("stat", "Sum", "yAxis", "right"))),
                w.region()));
        List<Object> fargate = new ArrayList<>();
        for (String service : servicesOf(w)) {
            fargate.add(List.of(
                    "AWS/ECS",
                    "CPUUtilization",
                    "ClusterName",
                    w.clusterName(),
                    "ServiceName",
                    service,
                    Map.of("label", service + " CPU")));
            fargate.add(List.of(
                    "AWS/ECS",
                    "MemoryUtilization",
                    "ClusterName",
                    w.clusterName(),
                    "ServiceName",
                    service,
                    Map.of("label", service + " memory")));
        }
        fargate.addAll(jobTasks(w));
        widgets.add(widget("Fargate CPU and memory (%)", fargate, w.region()));
        widgets.add(widget(
                "API Gateway requests and integration latency",
                List.of(
                        List.of(
                                "AWS/ApiGateway",
                                "Count",
                                "ApiName",
                                w.apiName(),
                                "Stage",
                                w.stage(),
                                Map.of("stat", "Sum")),
                        List.of(
                                "AWS/ApiGateway",
                                "IntegrationLatency",
                                "ApiName",
                                w.apiName(),
                                "Stage",
                                w.stage(),
                                Map.of("stat", "p95", "yAxis", "right"))),
                w.region()));
        widgets.add(widget(
                "Active user sessions per hour",
                List.of(Map.of(
                        "expression", w.activeUsers(), "id", "users", "label", "distinct users", "period", 3600)),
                w.region()));
        List<Object> queues = new ArrayList<>();
        queues.add(List.of(
                "AWS/SQS",
                "ApproximateNumberOfMessagesVisible",
                "QueueName",
                w.jobQueue(),
                Map.of("label", "job queue")));
        if (!w.poolQueue().isEmpty()) {
            queues.add(List.of(
                    "AWS/SQS",
                    "ApproximateNumberOfMessagesVisible",
                    "QueueName",
                    w.poolQueue(),
                    Map.of("label", "report workers' queue")));
        }
        widgets.add(widget("Report generation queue depth", queues, w.region()));
        widgets.add(widget("File storage growth (bytes)", storage(w.bucket()), w.region()));
        widgets.add(widget("Phase signals: customers, opportunities, data", phaseSignals(w), w.region()));
        widgets.add(widget(
                "Cache hits and misses",
                List.of(
                        List.of(CRM, "CacheHit", "Service", "zebros-crm", Map.of("stat", "Sum")),
                        List.of(CRM, "CacheMiss", "Service", "zebros-crm", Map.of("stat", "Sum"))),
                w.region()));

        for (int i = 0; i < widgets.size(); i++) {
            widgets.get(i).put("x", (i % 2) * 12);
            widgets.get(i).put("y", (i / 2) * 6);
        }
        return CanonicalJson.write(Map.of("widgets", widgets));
    }

    /**
     * The bucket's size over every storage class it holds (the lifecycle moves files to Infrequent Access in phase 2
     * and to Intelligent-Tiering's tiers in phase 3, each a StorageType of its own), and its growth per day.
     * S3 reports BucketSizeBytes once a day: https://docs.aws.amazon.com/AmazonS3/latest/userguide/metrics-dimensions.html
     */
    static List<Object> storage(String bucket) {
        String everyClass = "SEARCH('{AWS/S3,BucketName,StorageType} MetricName=\"BucketSizeBytes\" BucketName=\""
                + bucket + "\"', 'Average', 86400)";
        return List.of(
                Map.of("expression", everyClass, "id", "classes", "visible", false),
                Map.of("expression", "SUM(classes)", "id", "total", "label", "all storage classes"),
                Map.of("expression", "DIFF(total)", "id", "growth", "label", "growth per day", "yAxis", "right"));
    }

    /** The seeds' phase signals (PhaseSignals function), Aurora's storage, and distinct users a day. */
    static List<Object> phaseSignals(Monitoring.Watched w) {
        return List.of(
                List.of(CRM, "Customers", "Stack", w.stack(), Map.of("stat", "Maximum", "period", 3600)),
                List.of(CRM, "Opportunities", "Stack", w.stack(), Map.of("stat", "Maximum", "period", 3600)),
                List.of(
                        CRM,
                        "CrmDataBytes",
                        "Stack",
                        w.stack(),
                        Map.of("stat", "Maximum", "period", 3600, "yAxis", "right")),
                List.of(
                        "AWS/RDS",
                        "VolumeBytesUsed",
                        "DBClusterIdentifier",
                        w.auroraCluster(),
                        Map.of(
                                "stat",
                                "Maximum",
                                "period",
                                3600,
                                "yAxis",
                                "right",
                                "label",
                                "Aurora (Keycloak) bytes")),
                Map.of(
                        "expression",
                        w.activeUsers(),
                        "id",
                        "usersPerDay",
                        "label",
                        "distinct users a day",
                        "period",
                        86400));
    }

    /**
     * The workers' tasks whether a service or the state machine started them (one task per job), by task
     * definition family, from Container Insights (on for the cluster): used over reserved, in percent.
     * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Container-Insights-metrics-ECS.html
     */
    static List<Object> jobTasks(Monitoring.Watched w) {
        List<Object> metrics = new ArrayList<>();
        w.workerFamilies().forEach((kind, family) -> {
            for (String resource : List.of("Cpu", "Memory")) {
                String id = kind + resource;
                for (String measure : List.of("Utilized", "Reserved")) {
                    metrics.add(List.of(
                            "ECS/ContainerInsights",
                            resource + measure,
                            "ClusterName",
                            w.clusterName(),
                            "TaskDefinitionFamily",
                            family,
                            Map.of("id", id + measure, "visible", false)));
                }
                metrics.add(Map.of(
                        "expression",
                        "100 * " + id + "Utilized / " + id + "Reserved",
                        "id",
                        id,
                        "label",
                        kind + " tasks " + resource.toLowerCase()));
            }
        });
        return metrics;
    }

    static List<String> servicesOf(Monitoring.Watched w) {
        List<String> services = new ArrayList<>(List.of(w.keycloakService()));
        if (!w.poolService().isEmpty()) {
            services.add(w.poolService());
        }
        return services;
    }

    private static Map<String, Object> expression(String search, String label) {
        return Map.of("expression", search, "label", label, "id", label);
    }

    private static Map<String, Object> widget(String title, List<?> metrics, String region) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("title", title);
        properties.put(
                "metrics",
                metrics.stream()
                        .map(m -> m instanceof Map<?, ?> ? List.of(m) : m)
                        .toList());
        properties.put("region", region);
        properties.put("view", "timeSeries");
        properties.put("period", 300);
        Map<String, Object> widget = new LinkedHashMap<>();
        widget.put("type", "metric");
        widget.put("width", 12);
        widget.put("height", 6);
        widget.put("properties", properties);
        return widget;
    }
}
