package com.zebros.platform.iam;

import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;

/**
 * An IAM role for one AWS service with one inline policy: the policy lives and dies with the role,
 * and what the role may do is read in one place.
 */
public final class ServiceRole {
    private final Role role;
    private final RolePolicy policy;

    public ServiceRole(
            String name,
            String physicalName,
            String service,
            PolicyDocument permissions,
            CustomResourceOptions options) {
        this.role = new Role(
                name,
                RoleArgs.builder()
                        .name(physicalName)
                        .assumeRolePolicy(PolicyDocument.assumableBy(service))
                        .build(),
                options);
        this.policy = permissions.isEmpty()
                ? null
                : new RolePolicy(
                        name + "-policy",
                        RolePolicyArgs.builder()
                                .role(role.id())
                                .policy(permissions.toJson())
                                .build(),
                        options);
    }

    public Role role() {
        return role;
    }

    public Output<String> arn() {
        return role.arn();
    }

    public Output<String> name() {
        return role.name();
    }

    /** The inline policy, for resources that must wait until the role may act (e.g. a pipe). */
    public RolePolicy policy() {
        return policy;
    }
}
