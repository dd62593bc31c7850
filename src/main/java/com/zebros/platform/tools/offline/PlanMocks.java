package com.zebros.platform.tools.offline;

import com.pulumi.test.Mocks;
import com.zebros.platform.AwsTypes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pulumi's mock engine, answered the way AWS would: every resource gets a realistic id, ARN and the
 * attributes the program reads (endpoints, URLs, stream ARNs, validation records), derived
 * deterministically from its name so two plans of the same stack compare equal. Every invoke the
 * program makes is answered; an unknown one fails loudly instead of yielding nulls.
 */
public final class PlanMocks implements Mocks {
    public static final String ACCOUNT = "123456789012";

    /** One registration the engine received. */
    public record Registration(String type, String name, Map<String, Object> inputs, String provider) {}

    private final String defaultRegion;
    private final Map<String, Object> stackReferenceOutputs;
    private final List<Registration> registrations = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> providerRegions = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> identifiers = new ConcurrentHashMap<>();

    public PlanMocks(String defaultRegion, Map<String, Object> stackReferenceOutputs) {
        this.defaultRegion = defaultRegion;
        this.stackReferenceOutputs = engineValues(stackReferenceOutputs);
    }

    /**
     * What the engine answered for a resource that others can refer to: its id, ARN, name and endpoint
     * values, distinctive enough to find again inside another resource's inputs.
     */
    Set<String> identifiers(String type, String name) {
        return identifiers.getOrDefault(type + "::" + name, Set.of());
    }

    private static Set<String> identifiersOf(String id, Map<String, Object> state) {
        Set<String> found = new java.util.HashSet<>();
        found.add(id);
        for (String key : List.of(
                "arn",
                "name",
                "endpoint",
                "dnsName",
                "url",
                "invokeUrl",
                "streamArn",
                "domainName",
                "clusterIdentifier",
                "repositoryUrl",
                "bucket",
                "keyId")) {
            if (state.get(key) instanceof String value) {
                found.add(value);
            }
        }
        found.removeIf(v -> v.length() < 12);
        return Set.copyOf(found);
    }

    public List<Registration> registrations() {
        synchronized (registrations) {
            return List.copyOf(registrations);
        }
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        registrations.add(new Registration(args.type, args.name, args.inputs, args.provider));
        if (args.type.startsWith("pulumi:providers:")) {
            Object region = args.inputs.get("region");
            String id = hex(args.name, 8);
            providerRegions.put(args.name, region == null ? defaultRegion : String.valueOf(region));
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(id), args.inputs));
        }
        if (args.type.equals("pulumi:pulumi:StackReference")) {
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("name", args.inputs.getOrDefault("name", args.name));
            state.put("outputs", stackReferenceOutputs);
            state.put("secretOutputNames", List.of());
            Set<String> values = new java.util.HashSet<>(PlanInputs.strings(stackReferenceOutputs));
            values.removeIf(v -> v.length() < 12);
            identifiers.put(args.type + "::" + args.name, Set.copyOf(values));
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name), state));
        }
        if (!args.type.startsWith("aws:")) {
            // Components: the engine records them; they have no cloud attributes.
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name), args.inputs));
        }
        String region = regionOf(args.provider);
        Map<String, Object> state = new LinkedHashMap<>(args.inputs);
        String id = MockAttributes.fill(args.type, args.name, region, state);
        if (args.type.equals(AwsTypes.LAMBDA_EVENT_SOURCE_MAPPING)) {
            // Lambda names a mapping by a UUID, per region.
            String hex = hex(region + "/" + args.name, 32);
            id = hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                    + hex.substring(16, 20) + "-" + hex.substring(20, 32);
            state.put("uuid", id);
        }
        identifiers.put(args.type + "::" + args.name, identifiersOf(id, state));
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(id), state));
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        String region = regionOf(args.provider);
        switch (args.token) {
            case "aws:index/getCallerIdentity:getCallerIdentity":
                return CompletableFuture.completedFuture(Map.of(
                        "accountId",
                        ACCOUNT,
                        "arn",
                        "arn:aws:iam::" + ACCOUNT + ":user/platform",
                        "userId",
                        "AIDAPLATFORM",
                        "id",
                        ACCOUNT));
            case "aws:index/getAvailabilityZones:getAvailabilityZones":
                return CompletableFuture.completedFuture(Map.of(
                        "id",
                        region,
                        "names",
                        List.of(region + "a", region + "b", region + "c"),
                        "zoneIds",
                        List.of(region + "-az1", region + "-az2", region + "-az3")));
            case "aws:ec2/getAmi:getAmi":
                return CompletableFuture.completedFuture(Map.of(
                        "id",
                        "ami-0a1b2c3d4e5f60718",
                        "imageId",
                        "ami-0a1b2c3d4e5f60718",
                        "name",
                        "al2023-ami-2023.9.20261101.0-kernel-6.1-arm64",
                        "architecture",
                        "arm64"));
            case "aws:dynamodb/getTable:getTable": {
                String table = String.valueOf(args.args.get("name"));
                String arn = "arn:aws:dynamodb:" + region + ":" + ACCOUNT + ":table/" + table;
                return CompletableFuture.completedFuture(Map.of(
                        "name",
                        table,
                        "id",
                        table,
                        "arn",
                        arn,
                        "streamArn",
                        arn + "/stream/2026-11-23T00:00:00.000",
                        "streamEnabled",
                        true,
                        "billingMode",
                        "PAY_PER_REQUEST"));
            }
            case "aws:index/getRegion:getRegion":
                return CompletableFuture.completedFuture(Map.of(
                        "id",
                        region,
                        "name",
                        region,
                        "endpoint",
                        "ec2." + region + ".amazonaws.com",
                        "description",
                        region));
            default:
                return CompletableFuture.failedFuture(new IllegalStateException(
                        "the offline plan does not answer the invoke " + args.token + "; add it to PlanMocks"));
        }
    }

    /** The region of the provider resource named {@code name}. */
    String regionOfProvider(String name) {
        return providerRegions.getOrDefault(name, defaultRegion);
    }

    /** The region of the provider a registration names; null when it names none (the default provider). */
    String regionOfProviderReference(String providerReference) {
        return providerReference == null || providerReference.isEmpty() ? null : regionOf(providerReference);
    }

    private String regionOf(String providerReference) {
        if (providerReference == null || providerReference.isEmpty()) {
            return defaultRegion;
        }
        // A provider reference is "<urn>::<id>"; the URN ends with the provider's logical name.
        String urn = providerReference.contains("::")
                ? providerReference.substring(0, providerReference.lastIndexOf("::"))
                : providerReference;
        String name = urn.substring(urn.lastIndexOf("::") + 2);
        return providerRegions.getOrDefault(name, defaultRegion);
    }

    /** The engine serializes doubles, not longs: a planned output read back must look like a real one. */
    @SuppressWarnings("unchecked")
    private static <T> T engineValues(T value) {
        if (value instanceof Long l) {
            return (T) Double.valueOf(l);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), engineValues(v)));
            return (T) out;
        }
        if (value instanceof List<?> list) {
            return (T) list.stream().map(PlanMocks::engineValues).toList();
        }
        return value;
    }

    static String hex(String seed, int length) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, length);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
