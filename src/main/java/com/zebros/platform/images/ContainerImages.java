package com.zebros.platform.images;

import com.pulumi.aws.ecr.LifecyclePolicy;
import com.pulumi.aws.ecr.LifecyclePolicyArgs;
import com.pulumi.aws.ecr.Repository;
import com.pulumi.aws.ecr.RepositoryArgs;
import com.pulumi.aws.ecr.inputs.RepositoryEncryptionConfigurationArgs;
import com.pulumi.aws.ecr.inputs.RepositoryImageScanningConfigurationArgs;
import com.pulumi.core.Output;
import com.zebros.platform.StackContext;
import com.zebros.platform.ZebrosComponent;
import com.zebros.platform.config.WorkerKind;
import com.zebros.platform.iam.PolicyDocument;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One ECR repository per image of {@code containers/}. Tags are immutable, so a tag in config
 * always means the same bytes; images are scanned on push; the lifecycle policy keeps the last 30
 * releases and drops untagged layers after a week.
 */
public final class ContainerImages extends ZebrosComponent {
    public static final String KEYCLOAK = "keycloak";

    /** Keep enough releases to roll back a month of daily deploys; untagged images are build debris. */
    static final String LIFECYCLE_POLICY = """
            {"rules":[
              {"rulePriority":1,"description":"drop untagged images after 7 days",
               "selection":{"tagStatus":"untagged","countType":"sinceImagePushed","countUnit":"days","countNumber":7},
               "action":{"type":"expire"}},
              {"rulePriority":2,"description":"keep the last 30 tagged images",
               "selection":{"tagStatus":"any","countType":"imageCountMoreThan","countNumber":30},
               "action":{"type":"expire"}}
            ]}""";

    private final Map<String, Repository> repositories = new LinkedHashMap<>();
    private final String imageTag;

    /**
     * @param imageTag the release every task definition runs ({@code zebros:imageTag}); tags are immutable, so it
     *                 names the same bytes in every region
     */
    public record Args(String imageTag) {}

    public ContainerImages(String name, StackContext stack, Args args) {
        super("zebros:images:ContainerImages", name, stack);
        this.imageTag = args.imageTag();
        for (String image : imageNames()) {
            var repository = new Repository(
                    image,
                    RepositoryArgs.builder()
                            .name(stack.naming().physical(image))
                            .imageTagMutability("IMMUTABLE")
                            // A throw-away stack's repositories go with their images on destroy.
                            .forceDelete(!stack.deletionProtection())
                            .imageScanningConfiguration(RepositoryImageScanningConfigurationArgs.builder()
                                    .scanOnPush(true)
                                    .build())
                            .encryptionConfigurations(RepositoryEncryptionConfigurationArgs.builder()
                                    .encryptionType("KMS")
                                    .build())
                            .build(),
                    child());
            new LifecyclePolicy(
                    image + "-lifecycle",
                    LifecyclePolicyArgs.builder()
                            .repository(repository.name())
                            .policy(LIFECYCLE_POLICY)
                            .build(),
                    child());
            repositories.put(image, repository);
        }
        registerOutputs(Map.of());
    }

    public static List<String> imageNames() {
        List<String> names = new java.util.ArrayList<>(List.of(KEYCLOAK));
        for (WorkerKind kind : WorkerKind.values()) {
            names.add(kind.image());
        }
        return names;
    }

    /** The image reference a task definition runs: {@code <repository-url>:<zebros:imageTag>}. */
    public Output<String> image(String imageName) {
        return repository(imageName).repositoryUrl().applyValue(url -> url + ":" + imageTag);
    }

    /** Lets a task execution role pull {@code imageName}, and only it. */
    public void grantPull(PolicyDocument policy, String imageName) {
        policy.allow(
                "Pull" + imageName.replace("-", ""),
                List.of("ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"),
                List.of(repository(imageName).arn()));
        // GetAuthorizationToken is account-wide: IAM offers no resource to scope it to.
        policy.allowOnAnyResource("EcrLogin" + imageName.replace("-", ""), List.of("ecr:GetAuthorizationToken"));
    }

    private Repository repository(String imageName) {
        Repository repository = repositories.get(imageName);
        if (repository == null) {
            throw new IllegalArgumentException("no image " + imageName + "; images are " + repositories.keySet());
        }
        return repository;
    }
}
