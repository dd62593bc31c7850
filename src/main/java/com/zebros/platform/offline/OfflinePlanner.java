package com.zebros.platform.offline;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import com.pulumi.resources.ResourceTransformation;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.zebros.platform.ZebrosStack;
import com.zebros.platform.config.StackSettings;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Runs the real program on Pulumi's mock engine and collects what it registers: the offline plan.
 * The same runner backs {@code plan}, {@code promote} and the tests, so what the tests assert is
 * what a person sees.
 */
public final class OfflinePlanner {

    private OfflinePlanner() {
    }

    public static Plan plan(StackSettings settings) {
        return plan(settings, Map.of());
    }

    /** Plans {@code settings}; {@code primaryOutputs} answer a secondary's StackReference. */
    public static synchronized Plan plan(StackSettings settings, Map<String, Object> primaryOutputs) {
        var mocks = new PlanMocks(settings.region(), primaryOutputs);
        Map<Resource, Resource> parents = java.util.Collections.synchronizedMap(new IdentityHashMap<>());
        ResourceTransformation recordParent = args -> {
            args.options().getParent().ifPresent(parent -> parents.put(args.resource(), parent));
            return Optional.empty();
        };
        var options = TestOptions.builder()
                .projectName(settings.project())
                .stackName(settings.stack())
                .preview(false)
                .resourceTransformations(List.of(recordParent))
                .build();
        try {
            TestResult result = PulumiTest.withOptions(options).withMocks(mocks)
                    .runTest(ctx -> ZebrosStack.define(ctx, settings));
            if (!result.exceptions().isEmpty()) {
                configProblem(result.exceptions()).ifPresent(e -> {
                    throw e;
                });
                RuntimeException failure = new IllegalStateException("the program failed under the mock engine: "
                        + result.exceptions().get(0).getMessage(), result.exceptions().get(0));
                result.exceptions().stream().skip(1).forEach(failure::addSuppressed);
                throw failure;
            }
            if (!result.errors().isEmpty()) {
                throw new IllegalStateException("the program logged errors: " + String.join("; ", result.errors()));
            }
            return collect(settings, result, mocks, parents);
        } finally {
            PulumiTest.cleanup();
        }
    }

    /** A config error found while the program ran (a secondary's primary check) stays a config error. */
    private static Optional<com.zebros.platform.config.InvalidStackConfigException> configProblem(List<Exception> exceptions) {
        for (Throwable e : exceptions) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof com.zebros.platform.config.InvalidStackConfigException config) {
                    return Optional.of(config);
                }
            }
        }
        return Optional.empty();
    }

    private static Plan collect(StackSettings settings, TestResult result, PlanMocks mocks,
                                Map<Resource, Resource> parents) {
        SecretMasking masking = new SecretMasking(settings);
        Map<String, Map<String, Object>> inputsByKey = new LinkedHashMap<>();
        Map<String, Integer> order = new LinkedHashMap<>();
        for (PlanMocks.Registration r : mocks.registrations()) {
            String key = r.type() + "::" + r.name();
            inputsByKey.put(key, masking.mask(Inputs.normalize(r.inputs())));
            order.putIfAbsent(key, order.size());
        }
        String stackUrn = "urn:pulumi:" + settings.stack() + "::" + settings.project() + "::pulumi:pulumi:Stack::"
                + settings.project() + "-" + settings.stack();
        Map<Resource, String> urns = new IdentityHashMap<>();
        for (Resource resource : result.resources()) {
            urns.put(resource, PulumiTest.extractValue(resource.urn()));
        }
        List<PlannedResource> resources = new ArrayList<>();
        for (Resource resource : result.resources()) {
            String type = resource.pulumiResourceType();
            if (type.equals("pulumi:pulumi:Stack")) {
                continue;
            }
            Resource parent = parents.get(resource);
            String parentUrn = parent == null ? stackUrn : urns.getOrDefault(parent, stackUrn);
            Map<String, Object> inputs = inputsByKey.getOrDefault(type + "::" + resource.pulumiResourceName(), Map.of());
            resources.add(new PlannedResource(urns.get(resource), type, resource.pulumiResourceName(), parentUrn, inputs));
        }
        // The engine keeps some registrations (a StackReference) out of the resource list; a plan shows them.
        java.util.Set<String> listed = new java.util.HashSet<>();
        resources.forEach(r -> listed.add(r.type() + "::" + r.name()));
        for (PlanMocks.Registration r : mocks.registrations()) {
            if (listed.add(r.type() + "::" + r.name())) {
                String urn = "urn:pulumi:" + settings.stack() + "::" + settings.project() + "::" + r.type() + "::" + r.name();
                resources.add(new PlannedResource(urn, r.type(), r.name(), stackUrn,
                        inputsByKey.getOrDefault(r.type() + "::" + r.name(), Map.of())));
            }
        }
        resources.sort(java.util.Comparator.comparingInt(r ->
                order.getOrDefault(r.type() + "::" + r.name(), -1)));
        Map<String, Object> outputs = new TreeMap<>();
        result.outputs().forEach((name, output) -> outputs.put(name, masking.maskValues(Inputs.normalize(extract(output)))));
        return new Plan(settings.project(), settings.stack(), settings.phase(), settings.role().configValue(),
                settings.region(), orderComponentsFirst(resources), outputs, List.of());
    }

    /** Components have no registration with the mocks; keep each before its first child. */
    private static List<PlannedResource> orderComponentsFirst(List<PlannedResource> sorted) {
        List<PlannedResource> components = sorted.stream().filter(PlannedResource::isComponent).toList();
        List<PlannedResource> rest = sorted.stream().filter(r -> !r.isComponent()).toList();
        List<PlannedResource> out = new ArrayList<>();
        List<PlannedResource> pending = new ArrayList<>(components);
        for (PlannedResource r : rest) {
            placeAncestors(r.parent(), pending, out);
            out.add(r);
        }
        out.addAll(pending);
        return out;
    }

    private static void placeAncestors(String parentUrn, List<PlannedResource> pending, List<PlannedResource> out) {
        for (PlannedResource c : List.copyOf(pending)) {
            if (c.urn().equals(parentUrn)) {
                placeAncestors(c.parent(), pending, out);
                pending.remove(c);
                out.add(c);
            }
        }
    }

    private static Object extract(Output<?> output) {
        return PulumiTest.extractValue(output);
    }
}
