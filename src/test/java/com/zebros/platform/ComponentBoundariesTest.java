package com.zebros.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pulumi.resources.ComponentResourceOptions;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One place decides, components build (docs/maintainers.md): every component takes its name, the stack it is
 * built in and one Args record; it never reads the phase table, the role or the raw settings. Those types
 * appear in a component's file only in the static decisions ({@code forPhase}, {@code forStack}, {@code of})
 * that the composition root calls to make the Args.
 */
class ComponentBoundariesTest {
    private static final Path MAIN = Path.of("src/main/java");
    private static final Pattern METHOD =
            Pattern.compile("^\\s+(public |private |protected )?(static )?[\\w<>\\[\\], .?]+ (\\w+)\\([^;]*$");
    private static final Pattern DECIDING_TYPES = Pattern.compile(
            "\\b(PhaseTable|RoleDecisions|StackSettings)\\b|\\bRole\\.(PRIMARY|SECONDARY|STANDALONE)\\b|\\.role\\(\\)");

    private static List<Path> componentFiles() throws IOException {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(MAIN)) {
            for (Path file :
                    walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                if (Files.readString(file).contains(" extends ZebrosComponent")) {
                    found.add(file);
                }
            }
        }
        assertTrue(found.size() >= 20, "found " + found.size() + " components");
        return found;
    }

    private static Class<?> classOf(Path file) throws ClassNotFoundException {
        String name = MAIN.relativize(file).toString().replace('/', '.').replaceAll("\\.java$", "");
        return Class.forName(name);
    }

    /** A component's source file, its class and its Args record, if it has one. */
    private record Component(Path file, Class<?> type, Optional<Class<?>> args) {
        String name() {
            return type.getSimpleName();
        }
    }

    private static List<Component> components() throws Exception {
        List<Component> found = new ArrayList<>();
        for (Path file : componentFiles()) {
            Class<?> type = classOf(file);
            found.add(new Component(
                    file,
                    type,
                    Arrays.stream(type.getDeclaredClasses())
                            .filter(c -> c.getSimpleName().equals("Args"))
                            .findFirst()));
        }
        return found;
    }

    @Test
    void everyComponentTakesItsNameTheStackAndOneArgsRecord() throws Exception {
        List<String> breaches = new ArrayList<>();
        for (Component component : components()) {
            component
                    .args()
                    .filter(a -> !a.isRecord())
                    .ifPresent(a -> breaches.add(component.name() + ".Args is no record"));
            List<Class<?>> expected = new ArrayList<>(List.of(String.class, StackContext.class));
            component.args().ifPresent(expected::add);
            for (Constructor<?> constructor : component.type().getConstructors()) {
                List<Class<?>> params = Arrays.asList(constructor.getParameterTypes());
                List<Class<?>> withOptions = new ArrayList<>(expected);
                withOptions.add(ComponentResourceOptions.class);
                if (!params.equals(expected) && !params.equals(withOptions)) {
                    breaches.add(component.name()
                            + params.stream().map(Class::getSimpleName).toList());
                }
            }
        }
        assertEquals(
                List.of(),
                breaches,
                "a component's constructor is (String name, StackContext stack, Args args"
                        + "[, ComponentResourceOptions]); a component with nothing to configure takes (name, stack)");
    }

    @Test
    void argsRecordsAreDocumentedAndHoldNoContext() throws Exception {
        List<String> breaches = new ArrayList<>();
        for (Component component : components()) {
            if (component.args().isEmpty()) {
                continue;
            }
            for (var field : component.args().get().getRecordComponents()) {
                if (field.getType() == StackContext.class
                        || field.getType().getSimpleName().matches("PhaseTable|RoleDecisions|StackSettings|Role")) {
                    breaches.add(component.name() + ".Args." + field.getName() + " is a " + field.getType());
                }
            }
            String source = Files.readString(component.file());
            int at = source.indexOf("record Args(");
            String before = source.substring(Math.max(0, at - 400), at);
            if (!before.contains("*/")) {
                breaches.add(component.name() + ".Args has no documentation comment");
            }
        }
        assertEquals(
                List.of(), breaches, "Args holds values and collaborators, each documented; not what decides them");
    }

    @Test
    void componentsReadThePhaseTableTheRoleAndTheSettingsOnlyInTheirStaticDecisions() throws IOException {
        List<String> breaches = new ArrayList<>();
        for (Path file : componentFiles()) {
            List<String> lines = Files.readAllLines(file);
            String method = null;
            boolean isStatic = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                String trimmed = line.trim();
                var signature = METHOD.matcher(line);
                if (signature.find() && !trimmed.startsWith("return") && !line.contains(" new ")) {
                    method = signature.group(3);
                    isStatic = signature.group(2) != null;
                }
                boolean code = !trimmed.startsWith("import ")
                        && !trimmed.startsWith("*")
                        && !trimmed.startsWith("/")
                        && !trimmed.startsWith("//");
                if (code && !isStatic && DECIDING_TYPES.matcher(line).find()) {
                    breaches.add(file.getFileName() + ":" + (i + 1) + " in " + method + ": " + trimmed);
                }
            }
        }
        assertEquals(List.of(), breaches, "give the value to the component in its Args, decided by a static forPhase");
    }

    @Test
    void theStackContextCarriesNoSettingsPhaseTableOrRole() {
        for (var field : StackContext.class.getRecordComponents()) {
            assertTrue(
                    !field.getType().getSimpleName().matches("PhaseTable|RoleDecisions|StackSettings|Role"),
                    "StackContext." + field.getName() + " lets every component decide for itself");
        }
        assertTrue(Arrays.stream(StackContext.class.getMethods())
                .noneMatch(m -> Modifier.isPublic(m.getModifiers())
                        && m.getReturnType().getSimpleName().matches("PhaseTable|RoleDecisions|StackSettings|Role")));
    }
}
