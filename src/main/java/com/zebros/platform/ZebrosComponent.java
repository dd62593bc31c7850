package com.zebros.platform;

import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import java.util.List;

/**
 * Base of every component of the stack: registers under {@code zebros:<module>:<Name>} and gives
 * children their parent and the region's provider, so the tree in {@code pulumi preview} mirrors
 * the architecture.
 */
public abstract class ZebrosComponent extends ComponentResource {
    protected final StackContext stack;

    protected ZebrosComponent(String type, String name, StackContext stack, ComponentResourceOptions options) {
        super(type, name, options);
        this.stack = stack;
    }

    protected ZebrosComponent(String type, String name, StackContext stack) {
        this(type, name, stack, ComponentResourceOptions.Empty);
    }

    /** Options for an ordinary child: parented here, in this stack's region. */
    protected CustomResourceOptions child() {
        return CustomResourceOptions.builder()
                .parent(this)
                .provider(stack.provider())
                .build();
    }

    /** Options for a child that must wait for others Pulumi cannot see through its inputs. */
    protected CustomResourceOptions childAfter(com.pulumi.resources.Resource... dependencies) {
        return CustomResourceOptions.builder()
                .parent(this)
                .provider(stack.provider())
                .dependsOn(List.of(dependencies))
                .build();
    }

    protected ComponentResourceOptions childComponent() {
        return ComponentResourceOptions.builder().parent(this).build();
    }
}
