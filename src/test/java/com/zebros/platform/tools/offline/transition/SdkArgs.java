package com.zebros.platform.tools.offline.transition;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Pulumi AWS Java SDK's own Args classes, read by reflection: which input names a resource type takes, and what
 * each one holds (a list of objects, one object, a map, a scalar). The replacement table's Pulumi paths are held to
 * them, so a Terraform name mapped wrongly fails a test instead of silently matching nothing.
 */
final class SdkArgs {
    private SdkArgs() {}

    /** The Args class of a type token: {@code aws:dynamodb/table:Table} → {@code com.pulumi.aws.dynamodb.TableArgs}. */
    static Class<?> argsOf(String type) {
        String className;
        if (type.equals("pulumi:providers:aws")) {
            className = "com.pulumi.aws.ProviderArgs";
        } else if (type.equals("pulumi:pulumi:StackReference")) {
            className = "com.pulumi.resources.StackReferenceArgs";
        } else {
            String[] parts = type.split(":");
            String module = parts[1].substring(0, parts[1].indexOf('/'));
            className = "com.pulumi.aws." + module + "." + parts[2] + "Args";
        }
        try {
            return Class.forName(className);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("the SDK has no " + className + " for " + type, e);
        }
    }

    /** Every input name an Args class declares, by its {@code @Import} annotation. */
    static List<String> inputNames(Class<?> args) {
        List<String> names = new ArrayList<>();
        for (Field field : fields(args)) {
            names.add(field.getAnnotation(Import.class).name());
        }
        return names;
    }

    /**
     * Why a Pulumi path ({@code globalSecondaryIndexes[].name}, {@code ttl.enabled}, {@code rules.**}) does not exist
     * in {@code args}; empty when it does.
     */
    static Optional<String> problemWith(Class<?> args, String path) {
        String walk = path.endsWith(".**") ? path.substring(0, path.length() - 3) : path;
        Type current = args;
        String[] segments = walk.split("\\.");
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean listElement = segment.endsWith("[]");
            String name = listElement ? segment.substring(0, segment.length() - 2) : segment;
            if (!(current instanceof Class<?> owner)) {
                return Optional.of("'" + name + "' is under " + current.getTypeName() + ", which has no inputs");
            }
            Field field = fields(owner).stream()
                    .filter(f -> f.getAnnotation(Import.class).name().equals(name))
                    .findFirst()
                    .orElse(null);
            if (field == null) {
                return Optional.of(
                        owner.getSimpleName() + " has no input '" + name + "' (it has " + inputNames(owner) + ")");
            }
            Type value = unwrapOutput(field.getGenericType());
            boolean isList = value instanceof ParameterizedType p && p.getRawType() == List.class;
            if (listElement && !isList) {
                return Optional.of(owner.getSimpleName() + "." + name + " is " + value.getTypeName() + ", not a list");
            }
            if (!listElement && isList && i < segments.length - 1) {
                return Optional.of(owner.getSimpleName() + "." + name + " is a list: write " + name + "[]");
            }
            current = isList ? ((ParameterizedType) value).getActualTypeArguments()[0] : value;
            if (current instanceof ParameterizedType p && p.getRawType() == Map.class) {
                current = Map.class;
            }
        }
        return Optional.empty();
    }

    private static Type unwrapOutput(Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() == Output.class) {
            return p.getActualTypeArguments()[0];
        }
        return type;
    }

    private static List<Field> fields(Class<?> owner) {
        List<Field> out = new ArrayList<>();
        for (Class<?> c = owner; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.getAnnotation(Import.class) != null) {
                    out.add(field);
                }
            }
        }
        return out;
    }
}
