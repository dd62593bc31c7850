package com.zebros.platform.tools.offline;

import com.pulumi.aws.Utilities;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.PulumiTestInternal;
import com.zebros.platform.config.StackSettings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns what the mock engine saw into a {@link Plan}: each resource with the engine's URN, its
 * provider and region, its inputs with secrets masked, in the order the program constructed them,
 * components placed before their first child; and the stack's outputs.
 */
final class PlanCollector {
    private final StackSettings settings;
    private final EngineUrns urns;
    private final PlanMocks mocks;
    private final RecordingMonitor monitor;
    private final ProgramOrder order;
    private final Map<Resource, String> engineUrns = new IdentityHashMap<>();
    private final Map<String, String> engineUrnByMockUrn = new HashMap<>();

    private PlanCollector(StackSettings settings, PlanMocks mocks, RecordingMonitor monitor, ProgramOrder order) {
        this.settings = settings;
        this.urns = new EngineUrns(settings.stack(), settings.project());
        this.mocks = mocks;
        this.monitor = monitor;
        this.order = order;
    }

    static Plan collect(
            StackSettings settings, TestResult result, PlanMocks mocks, RecordingMonitor monitor, ProgramOrder order) {
        return new PlanCollector(settings, mocks, monitor, order).collect(result);
    }

    private Plan collect(TestResult result) {
        for (Resource resource : result.resources()) {
            engineUrnByMockUrn.put(PulumiTest.extractValue(resource.urn()), engineUrn(resource));
        }
        Map<String, PlanMocks.Registration> registrations = new LinkedHashMap<>();
        mocks.registrations().forEach(r -> registrations.putIfAbsent(key(r.type(), r.name()), r));

        List<PlannedResource> resources = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (Resource resource : result.resources()) {
            String type = resource.pulumiResourceType();
            if (type.equals(EngineUrns.ROOT_STACK_TYPE)) {
                continue;
            }
            Resource parent = order.parentOf(resource);
            String parentUrn = parent == null ? urns.rootStack() : engineUrn(parent);
            resources.add(planned(
                    engineUrn(resource),
                    type,
                    resource.pulumiResourceName(),
                    parentUrn,
                    registrations.get(key(type, resource.pulumiResourceName()))));
            listed.add(key(type, resource.pulumiResourceName()));
        }
        // The engine keeps some registrations (a StackReference) out of the resource list; a plan shows them.
        registrations.forEach((key, r) -> {
            if (listed.add(key)) {
                resources.add(planned(urns.child(null, r.type(), r.name()), r.type(), r.name(), urns.rootStack(), r));
            }
        });
        resources.sort(Comparator.comparingInt((PlannedResource r) -> order.positionOf(r.type(), r.name()))
                .thenComparing(PlannedResource::urn));
        Map<String, Object> outputs = new TreeMap<>();
        result.outputs().forEach((name, output) -> outputs.put(name, output(output)));
        Map<String, java.util.Set<String>> identifiers = new HashMap<>();
        resources.forEach(r -> identifiers.put(r.urn(), mocks.identifiers(r.type(), r.name())));
        return new Plan(
                settings.project(),
                settings.stack(),
                settings.phase(),
                settings.role().configValue(),
                settings.region(),
                ComponentOrder.componentsFirst(resources),
                outputs,
                List.of(),
                identifiers);
    }

    private PlannedResource planned(
            String urn, String type, String name, String parentUrn, PlanMocks.Registration registration) {
        if (registration == null || type.startsWith("zebros:")) {
            // Components: no provider, no region, no inputs of their own.
            return new PlannedResource(urn, type, name, parentUrn, null, null, Map.of());
        }
        Map<String, Object> inputs =
                SecretMasking.mask(Inputs.normalize(registration.inputs()), monitor.secretPaths(type, name));
        PlannedOptions options = options(type, name, parentUrn);
        if (type.startsWith("pulumi:providers:")) {
            return new PlannedResource(urn, type, name, parentUrn, null, mocks.regionOfProvider(name), inputs, options);
        }
        String provider = providerUrn(type, registration.provider());
        String region = type.startsWith("aws:") ? mocks.regionOfProviderReference(registration.provider()) : null;
        return new PlannedResource(urn, type, name, parentUrn, provider, region, inputs, options);
    }

    /**
     * The options the registration carried, aliases resolved to the engine's URNs: a spec names what differs from
     * the resource itself (its old name, type or parent), the rest is the resource's own
     * (https://www.pulumi.com/docs/iac/concepts/options/aliases/).
     */
    private PlannedOptions options(String type, String name, String parentUrn) {
        RecordingMonitor.Sent sent = monitor.sent(type, name);
        if (sent == null) {
            return PlannedOptions.NONE;
        }
        List<String> aliases = new ArrayList<>();
        for (RecordingMonitor.AliasSent alias : sent.aliases()) {
            if (!alias.urn().isEmpty()) {
                aliases.add(engineUrnByMockUrn.getOrDefault(alias.urn(), alias.urn()));
                continue;
            }
            String parent = alias.noParent()
                    ? null
                    : alias.parentUrn().isEmpty()
                            ? parentUrn
                            : engineUrnByMockUrn.getOrDefault(alias.parentUrn(), alias.parentUrn());
            aliases.add(urns.child(
                    parent,
                    alias.type().isEmpty() ? type : alias.type(),
                    alias.name().isEmpty() ? name : alias.name()));
        }
        return new PlannedOptions(
                sent.protect(),
                sent.deleteBeforeReplace(),
                aliases,
                sent.ignoreChanges(),
                sent.replaceOnChanges(),
                sent.retainOnDelete());
    }

    /** The provider a resource names ({@code <urn>::<id>}), or the engine's default provider of its package. */
    private String providerUrn(String type, String reference) {
        if (reference != null && !reference.isEmpty()) {
            String mockUrn = reference.substring(0, reference.lastIndexOf("::"));
            return engineUrnByMockUrn.getOrDefault(mockUrn, mockUrn);
        }
        String pkg = type.substring(0, type.indexOf(':'));
        return urns.defaultProvider(pkg, pkg.equals("aws") ? Utilities.getVersion() : "");
    }

    private String engineUrn(Resource resource) {
        String known = engineUrns.get(resource);
        if (known != null) {
            return known;
        }
        Resource parent = order.parentOf(resource);
        String urn = urns.child(
                parent == null ? null : engineUrn(parent),
                resource.pulumiResourceType(),
                resource.pulumiResourceName());
        engineUrns.put(resource, urn);
        return urn;
    }

    /** A stack output, masked whole when it is a secret Output. */
    private static Object output(Output<?> output) {
        var data = PulumiTestInternal.extractOutputData(output);
        return data.isSecret() ? SecretMasking.MASK : Inputs.normalize(data.getValueNullable());
    }

    private static String key(String type, String name) {
        return type + "::" + name;
    }
}
