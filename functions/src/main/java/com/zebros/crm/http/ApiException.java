package com.zebros.crm.http;

import java.util.List;
import java.util.Map;

/**
 * A request the API refuses, with the status and the RFC 9457 problem document the client gets.
 * Every refusal is one of these, so nothing a client sends can turn into a 500.
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** One bad field of a request body or query. */
    public record FieldError(String field, String message) {}

    private final int status;
    private final String title;
    private final transient List<FieldError> errors;
    private final transient Map<String, String> headers;

    public ApiException(int status, String title, String detail, List<FieldError> errors, Map<String, String> headers) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(400, "Bad Request", detail, List.of(), Map.of());
    }

    public static ApiException invalid(List<FieldError> errors) {
        return new ApiException(400, "Invalid request", errors.size() + " field(s) are invalid", errors, Map.of());
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "Not Found", what + " does not exist", List.of(), Map.of());
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(403, "Forbidden", detail, List.of(), Map.of());
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(401, "Unauthorized", detail, List.of(), Map.of());
    }

    public static ApiException conflict(String detail) {
        return new ApiException(409, "Conflict", detail, List.of(), Map.of());
    }

    public static ApiException preconditionFailed(long current) {
        return new ApiException(
                412,
                "Precondition Failed",
                "the item changed since you read it; it is now at version " + current + ": read it again and retry",
                List.of(),
                Map.of("ETag", "\"" + current + "\""));
    }

    public static ApiException preconditionRequired() {
        return new ApiException(
                428,
                "Precondition Required",
                "send If-Match with the version you read (the ETag of GET), so no update is lost",
                List.of(),
                Map.of());
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
