package com.zebros.platform.offline;

import com.pulumi.resources.Resource;
import com.pulumi.test.Mocks;
import com.pulumi.test.internal.MockMonitor;
import com.pulumi.test.internal.PulumiTestInternal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

/**
 * The mock engine's monitor, noting which inputs arrive secret before it hands them to the mocks.
 * The mocks see plain values (the SDK's mock monitor unwraps secrets), so without this the plan
 * could only guess what is secret; with it, the plan masks exactly what {@code pulumi preview} would.
 */
final class SecretRecordingMonitor extends MockMonitor {
    private final Map<String, Set<List<Object>>> secretPaths = new ConcurrentHashMap<>();

    SecretRecordingMonitor(Mocks mocks) {
        super(mocks, PulumiTestInternal.mockLog());
    }

    @Override
    public CompletableFuture<RegisterResourceResponse> registerResourceAsync(Resource resource,
                                                                            RegisterResourceRequest request) {
        secretPaths.put(key(request.getType(), request.getName()), SecretPaths.of(request.getObject()));
        return super.registerResourceAsync(resource, request);
    }

    /** The secret input paths of the registration of {@code type} named {@code name}. */
    Set<List<Object>> secretPaths(String type, String name) {
        return secretPaths.getOrDefault(key(type, name), Set.of());
    }

    private static String key(String type, String name) {
        return type + "::" + name;
    }
}
