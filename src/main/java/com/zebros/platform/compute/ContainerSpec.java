package com.zebros.platform.compute;

import com.pulumi.core.Output;
import com.zebros.platform.CanonicalJson;
import com.zebros.platform.NamedOutputs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One container of an ECS task definition, rendered to the JSON ECS takes. Secrets go in
 * {@link #secret}: ECS fetches them from Secrets Manager at start, so no secret value is ever in
 * the task definition or its plain environment.
 */
public final class ContainerSpec {
    private final String name;
    private final Output<String> image;
    private final List<Integer> ports = new ArrayList<>();
    private final Map<String, Output<String>> environment = new LinkedHashMap<>();
    private final Map<String, Output<String>> secrets = new LinkedHashMap<>();
    private Output<String> logGroup;
    private String region;
    private List<String> healthCheck;
    private boolean readOnlyRoot;

    public ContainerSpec(String name, Output<String> image) {
        this.name = name;
        this.image = image;
    }

    public ContainerSpec port(int port) {
        ports.add(port);
        return this;
    }

    public ContainerSpec env(String key, String value) {
        return env(key, Output.of(value));
    }

    public ContainerSpec env(String key, Output<String> value) {
        environment.put(key, value);
        return this;
    }

    /** {@code valueFrom} is a secret ARN, optionally with {@code :json-key::}. */
    public ContainerSpec secret(String key, Output<String> valueFrom) {
        secrets.put(key, valueFrom);
        return this;
    }

    public ContainerSpec logs(Output<String> logGroupName, String awsRegion) {
        this.logGroup = logGroupName;
        this.region = awsRegion;
        return this;
    }

    public ContainerSpec healthCheck(String... command) {
        this.healthCheck = List.of(command);
        return this;
    }

    /** The workers write only to S3 and /tmp volumes, so their root file system can be read-only. */
    public ContainerSpec readOnlyRootFilesystem() {
        this.readOnlyRoot = true;
        return this;
    }

    public String name() {
        return name;
    }

    /** The {@code containerDefinitions} JSON of a task with this one container. */
    public Output<String> toJson() {
        return new NamedOutputs()
                .put("image", image)
                .put("logGroup", logGroup == null ? Output.of("") : logGroup)
                .putAll("environment", environment)
                .putAll("secret", secrets)
                .apply(v -> {
                    Map<String, Object> c = new LinkedHashMap<>();
                    c.put("name", name);
                    c.put("image", v.string("image"));
                    c.put("essential", true);
                    c.put(
                            "portMappings",
                            ports.stream()
                                    .map(p -> Map.of("containerPort", p, "protocol", "tcp"))
                                    .toList());
                    c.put(
                            "environment",
                            v.strings("environment").entrySet().stream()
                                    .map(e -> Map.of("name", e.getKey(), "value", e.getValue()))
                                    .toList());
                    c.put(
                            "secrets",
                            v.strings("secret").entrySet().stream()
                                    .map(e -> Map.of("name", e.getKey(), "valueFrom", e.getValue()))
                                    .toList());
                    String logs = v.string("logGroup");
                    if (!logs.isEmpty()) {
                        c.put(
                                "logConfiguration",
                                Map.of(
                                        "logDriver",
                                        "awslogs",
                                        "options",
                                        Map.of(
                                                "awslogs-group",
                                                logs,
                                                "awslogs-region",
                                                region,
                                                "awslogs-stream-prefix",
                                                name)));
                    }
                    if (healthCheck != null) {
                        c.put(
                                "healthCheck",
                                Map.of(
                                        "command",
                                        healthCheck,
                                        "interval",
                                        30,
                                        "timeout",
                                        5,
                                        "retries",
                                        3,
                                        "startPeriod",
                                        120));
                    }
                    c.put("readonlyRootFilesystem", readOnlyRoot);
                    return CanonicalJson.write(List.of(c));
                });
    }
}
