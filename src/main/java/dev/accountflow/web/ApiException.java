package dev.accountflow.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/** An error a user caused, answered as {"error": ..., "details": [...]} with the given status. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final List<String> details;

    public ApiException(HttpStatus status, String message, List<String> details) {
        super(message);
        this.status = status;
        this.details = List.copyOf(details);
    }

    public static ApiException badRequest(String message, String... details) {
        return new ApiException(HttpStatus.BAD_REQUEST, message, List.of(details));
    }

    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, what + " not found", List.of());
    }

    public static ApiException forbidden(String message) {
        return new ApiException(HttpStatus.FORBIDDEN, message, List.of());
    }

    public static ApiException conflict(String message, String... details) {
        return new ApiException(HttpStatus.CONFLICT, message, List.of(details));
    }

    public HttpStatus status() {
        return status;
    }

    public List<String> details() {
        return details;
    }
}
