package com.zebros.platform.tools.offline;

import com.pulumi.resources.Resource;
import com.pulumi.test.Mocks;
import com.pulumi.test.internal.MockMonitor;
import com.pulumi.test.internal.PulumiTestInternal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import pulumirpc.AliasOuterClass.Alias;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

/**
 * The mock engine's monitor, noting what the SDK sends that the mocks never see: which inputs arrive secret (the
 * SDK's mock monitor unwraps them, so without this the plan could only guess what is secret) and the resource
 * options (protect, deleteBeforeReplace, aliases, ignoreChanges, replaceOnChanges), which decide how the engine
 * carries out a change.
 */
final class RecordingMonitor extends MockMonitor {
    /** An alias as sent: a whole URN, or the parts a spec names (empty where the resource's own apply). */
    record AliasSent(String urn, String name, String type, String parentUrn, boolean noParent) {}

    /** What one registration carried besides its inputs. */
    record Sent(
            Set<List<Object>> secretPaths,
            boolean protect,
            boolean deleteBeforeReplace,
            List<AliasSent> aliases,
            List<String> ignoreChanges,
            List<String> replaceOnChanges,
            boolean retainOnDelete) {}

    private final Map<String, Sent> sent = new ConcurrentHashMap<>();

    RecordingMonitor(Mocks mocks) {
        super(mocks, PulumiTestInternal.mockLog());
    }

    @Override
    public CompletableFuture<RegisterResourceResponse> registerResourceAsync(
            Resource resource, RegisterResourceRequest request) {
        List<AliasSent> aliases = new java.util.ArrayList<>();
        request.getAliasURNsList().forEach(urn -> aliases.add(new AliasSent(urn, "", "", "", false)));
        for (Alias alias : request.getAliasesList()) {
            if (alias.hasSpec()) {
                Alias.Spec spec = alias.getSpec();
                aliases.add(new AliasSent("", spec.getName(), spec.getType(), spec.getParentUrn(), spec.getNoParent()));
            } else {
                aliases.add(new AliasSent(alias.getUrn(), "", "", "", false));
            }
        }
        sent.put(
                key(request.getType(), request.getName()),
                new Sent(
                        SecretPaths.of(request.getObject()),
                        request.getProtect(),
                        request.getDeleteBeforeReplace(),
                        aliases,
                        request.getIgnoreChangesList(),
                        request.getReplaceOnChangesList(),
                        request.getRetainOnDelete()));
        return super.registerResourceAsync(resource, request);
    }

    /** The secret input paths of the registration of {@code type} named {@code name}. */
    Set<List<Object>> secretPaths(String type, String name) {
        Sent registration = sent.get(key(type, name));
        return registration == null ? Set.of() : registration.secretPaths();
    }

    /** What the registration of {@code type} named {@code name} carried; null when nothing was registered. */
    Sent sent(String type, String name) {
        return sent.get(key(type, name));
    }

    private static String key(String type, String name) {
        return type + "::" + name;
    }
}
