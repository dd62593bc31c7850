package com.zebros.crm.http;

import com.zebros.crm.auth.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Finds the route of a request, checks the caller's roles against it, and turns every refusal
 * into a problem document: 404 for an unknown path, 405 with {@code Allow} for a known path and
 * an unknown method.
 */
public final class Router {
    /** Ids are at most 64 characters (Field.id); twice that leaves room and stays far below DynamoDB's key limit. */
    static final int MAX_PATH_PARAMETER = 128;

    private static final java.util.regex.Pattern PATH_PARAMETER =
            java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1," + MAX_PATH_PARAMETER + "}");
    private final List<Route> routes = new ArrayList<>();

    public Router add(String method, String template, Route.Access access, Route.Endpoint endpoint) {
        routes.add(new Route(method, template, endpoint, access));
        return this;
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }

    public Response dispatch(Request request) {
        List<Route> onPath = new ArrayList<>();
        for (Route route : routes) {
            Optional<Map<String, String>> parameters = route.match(request.path());
            if (parameters.isPresent()) {
                onPath.add(route);
                if (route.method().equals(request.method())) {
                    authorize(route, request.principal());
                    checkPathParameters(parameters.get());
                    return route.endpoint().handle(request.withPathParameters(parameters.get()));
                }
            }
        }
        if (onPath.isEmpty()) {
            throw ApiException.notFound("the path " + request.path());
        }
        TreeSet<String> allowed = new TreeSet<>();
        onPath.forEach(r -> allowed.add(r.method()));
        throw new ApiException(
                405,
                "Method Not Allowed",
                request.method() + " is not served on " + request.path(),
                List.of(),
                Map.of("Allow", String.join(", ", allowed)));
    }

    /**
     * Ids and names in a path become DynamoDB keys, which refuse a sort key over 1,024 bytes with an
     * error that would otherwise surface as a 500: refuse anything no id of ours can be, before any call.
     */
    private static void checkPathParameters(Map<String, String> parameters) {
        parameters.forEach((name, value) -> {
            if (!PATH_PARAMETER.matcher(value).matches()) {
                throw ApiException.badRequest("the path parameter " + name + " must be 1 to " + MAX_PATH_PARAMETER
                        + " letters, digits, '-' or '_' (every id of this API is)");
            }
        });
    }

    private static void authorize(Route route, Principal principal) {
        if (route.access() == Route.Access.PUBLIC) {
            return;
        }
        if (principal == null) {
            throw ApiException.unauthorized("a bearer token from the zebros realm is required");
        }
        boolean allowed = switch (route.access()) {
            case READ -> principal.canRead();
            case WRITE -> principal.canWrite();
            case DELETE -> principal.canDelete();
            default -> true;
        };
        if (!allowed) {
            throw ApiException.forbidden("your roles " + principal.roles() + " do not allow "
                    + route.access().name().toLowerCase() + " here");
        }
    }
}
