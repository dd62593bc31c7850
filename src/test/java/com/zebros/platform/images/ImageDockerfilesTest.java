package com.zebros.platform.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zebros.platform.auth.KeycloakLoadBalancer;
import com.zebros.platform.naming.Naming;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each ECR repository the program creates has the Dockerfile that fills it (containers/&lt;image&gt;/Dockerfile), and
 * each Dockerfile builds what its repository's tasks expect: a worker's the module of its own name and the jar its
 * shade configuration attaches, on a non-root distroless JRE; Keycloak's the ports its load balancer and health
 * check use. No Docker engine runs here, so this reads the files; the user's CI builds them.
 */
class ImageDockerfilesTest {
    private static final Path CONTAINERS = Path.of("containers");

    static List<String> workers() {
        return ContainerImages.imageNames().stream()
                .filter(name -> !name.equals(ContainerImages.KEYCLOAK))
                .toList();
    }

    private static String dockerfile(String image) throws IOException {
        return Files.readString(CONTAINERS.resolve(image).resolve("Dockerfile"));
    }

    private static String one(Pattern pattern, String text, String what) {
        Matcher m = pattern.matcher(text);
        assertTrue(m.find(), "no " + what);
        return m.group(1);
    }

    @Test
    void everyRepositoryHasItsDockerfileAndEveryDockerfileItsRepository() throws IOException {
        Set<String> folders = new TreeSet<>();
        try (Stream<Path> list = Files.list(CONTAINERS)) {
            list.filter(dir -> Files.isRegularFile(dir.resolve("Dockerfile")))
                    .forEach(dir -> folders.add(dir.getFileName().toString()));
        }
        assertEquals(new TreeSet<>(ContainerImages.imageNames()), folders);
    }

    @ParameterizedTest
    @MethodSource("workers")
    void aWorkerImageBuildsItsOwnModuleAndRunsItsShadedJarAsNonRoot(String image) throws IOException {
        String text = dockerfile(image);
        String version = one(
                Pattern.compile("<artifactId>zebros-workers</artifactId>\\s*<version>([^<]+)</version>"),
                Files.readString(CONTAINERS.resolve("pom.xml")),
                "version of the workers' parent");
        String parent = Files.readString(CONTAINERS.resolve("pom.xml"));
        assertTrue(parent.contains("<module>" + image + "</module>"), image + " is a module of containers/pom.xml");
        assertTrue(parent.contains("<shadedClassifierName>image</shadedClassifierName>"), "the image jar's classifier");
        assertEquals(image, one(Pattern.compile(" -pl ([\\w-]+) "), text, "-pl module"));
        assertEquals(
                "/src/containers/" + image + "/target/" + image + "-" + version + "-image.jar",
                one(Pattern.compile("COPY --from=build (\\S+) /app/worker.jar"), text, "jar copied from the build"));
        // The build stage copies every directory the functions' build reads from outside functions/ (the schema).
        var outside = Pattern.compile("<directory>\\$\\{project.basedir\\}/\\.\\./([\\w-]+)</directory>")
                .matcher(Files.readString(CONTAINERS.resolveSibling("functions").resolve("pom.xml")));
        int read = 0;
        while (outside.find()) {
            read++;
            assertTrue(
                    text.contains("\nCOPY " + outside.group(1) + " " + outside.group(1) + "\n"),
                    image + "'s build copies " + outside.group(1) + "/, which the functions' build reads");
        }
        assertTrue(read >= 1, "the functions' build reads schema/ from the repository's root");
        String finalStage = text.substring(text.lastIndexOf("\nFROM "));
        assertTrue(finalStage.startsWith("\nFROM gcr.io/distroless/java17-debian12:nonroot"), finalStage);
        assertTrue(finalStage.contains("\nUSER nonroot\n"), "runs as the non-root user");
    }

    @ParameterizedTest
    @MethodSource("workers")
    void theBuildCommandInTheHeaderNamesThisFileAndTheRepositoryThePlanCreates(String image) throws IOException {
        String command = one(Pattern.compile("#\\s+(docker build .*)"), dockerfile(image), "docker build line");
        assertTrue(command.contains(" -f containers/" + image + "/Dockerfile "), command);
        String repository = new Naming("<stack>", "us-east-1").physical(image);
        assertTrue(command.contains(" -t <ecr>/" + repository + ":<tag> "), command + " tags " + repository);
        assertTrue(command.contains("--platform linux/amd64"), "the task definitions run X86_64");
    }

    @Test
    void keycloakExposesThePortsItsLoadBalancerSendsToAndChecks() throws IOException {
        String text = dockerfile(ContainerImages.KEYCLOAK);
        String expose = one(Pattern.compile("\\nEXPOSE ([0-9 ]+)\\n"), text, "EXPOSE");
        Set<String> ports = Set.of(expose.trim().split(" +"));
        assertTrue(ports.contains(String.valueOf(KeycloakLoadBalancer.HTTP_PORT)), expose);
        assertTrue(ports.contains(String.valueOf(KeycloakLoadBalancer.MANAGEMENT_PORT)), expose);
        String user = one(Pattern.compile("\\nUSER (\\S+)\\n"), text, "USER");
        assertTrue(!user.equals("root") && !user.equals("0"), "Keycloak runs as " + user);
    }
}
