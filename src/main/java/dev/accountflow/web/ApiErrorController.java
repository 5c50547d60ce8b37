package dev.accountflow.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors raised before any controller ran (401 from sign-in, 403 from the filters, a failure in a filter) reach the
 * servlet's error page: an API call gets them as {"error", "details"} in JSON, a page request keeps Spring Boot's
 * error views (templates/error/...).
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ApiErrorController extends BasicErrorController {

    private final ObjectMapper json;

    ApiErrorController(ErrorAttributes errorAttributes, ServerProperties server,
                       ObjectProvider<ErrorViewResolver> viewResolvers, ObjectMapper json) {
        super(errorAttributes, server.getError(), viewResolvers.orderedStream().toList());
        this.json = json;
    }

    @Override
    @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
    public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
        if (!ApiPaths.wasApi(request)) {
            return super.errorHtml(request, response);
        }
        HttpStatus status = getStatus(request);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        try {
            json.writeValue(response.getOutputStream(), apiError(status));
        } catch (IOException e) {
            throw new IllegalStateException("Could not write the error answer", e);
        }
        return null;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    @RequestMapping
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        if (!ApiPaths.wasApi(request)) {
            return super.error(request);
        }
        HttpStatus status = getStatus(request);
        ApiError error = apiError(status);
        return (ResponseEntity) ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", error.error(), "details", error.details()));
    }

    private static ApiError apiError(HttpStatus status) {
        String message = switch (status) {
            case UNAUTHORIZED -> "Sign in first (HTTP Basic or the login page)";
            case FORBIDDEN -> "Not allowed for your role";
            case NOT_FOUND -> "Not found";
            case INTERNAL_SERVER_ERROR -> "Something went wrong on our side; the error has been logged";
            default -> status.getReasonPhrase();
        };
        return new ApiError(message, List.of());
    }
}
