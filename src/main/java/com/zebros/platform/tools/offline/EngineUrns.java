package com.zebros.platform.tools.offline;

/**
 * URNs as the Pulumi engine makes them, so a URN copied from a plan works with
 * {@code pulumi up --target}. The engine joins the parent's qualified type into the type chain,
 * except the root stack's: {@code urn:pulumi:<stack>::<project>::[<parent type chain>$]<type>::<name>}
 * (pulumi/pulumi pkg/resource/deploy/deployment.go, {@code generateURN}). The mock engine of the Java
 * SDK keeps the root stack in the chain, so the plan makes its own.
 */
public final class EngineUrns {
    public static final String ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

    private final String stack;
    private final String project;

    public EngineUrns(String stack, String project) {
        this.stack = stack;
        this.project = project;
    }

    /** The root stack's URN; its name is {@code <project>-<stack>}. */
    public String rootStack() {
        return urn(ROOT_STACK_TYPE, project + "-" + stack);
    }

    /** A resource's URN under {@code parentUrn} (null or the root stack's for a top-level resource). */
    public String child(String parentUrn, String type, String name) {
        if (parentUrn == null) {
            return urn(type, name);
        }
        String parentType = qualifiedType(parentUrn);
        return parentType.equals(ROOT_STACK_TYPE) ? urn(type, name) : urn(parentType + "$" + type, name);
    }

    /**
     * The engine's default provider of a package at a version, used by a resource that names no
     * provider: {@code default_<major>_<minor>_<patch>} (pulumi/pulumi
     * pkg/resource/deploy/providers/provider.go, {@code DefaultName}).
     */
    public String defaultProvider(String pkg, String version) {
        return urn("pulumi:providers:" + pkg, version.isEmpty() ? "default" : "default_" + version.replace('.', '_'));
    }

    /** The type chain of a URN: everything between the project and the name. */
    public static String qualifiedType(String urn) {
        String[] parts = urn.split("::", -1);
        if (parts.length < 4 || !urn.startsWith("urn:pulumi:")) {
            throw new IllegalArgumentException("not a URN: " + urn);
        }
        return parts[2];
    }

    private String urn(String qualifiedType, String name) {
        return "urn:pulumi:" + stack + "::" + project + "::" + qualifiedType + "::" + name;
    }
}
