package dev.accountflow.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every API error is {"error", "details"} naming the field, row or line, in JSON whatever the Accept header asked
 * for; never a stack trace. Requests for pages keep Spring's error handling, so people get the app's error pages.
 */
@RestControllerAdvice
class ApiErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    private final StoredDataRules storedData;

    ApiErrorHandler(StoredDataRules storedData) {
        this.storedData = storedData;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> answer(Exception e, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        if (!ApiPaths.isApi(request)) {
            if (e instanceof ApiException api) {
                response.sendError(api.status().value());
                return null;
            }
            // rethrown unchanged: Spring's own resolvers and the error pages take over
            throw e;
        }
        return apiAnswer(e, request);
    }

    private ResponseEntity<ApiError> apiAnswer(Exception e, HttpServletRequest request) {
        if (e instanceof ApiException api) {
            return answer(api.status(), api.getMessage(), api.details());
        }
        if (e instanceof MethodArgumentNotValidException invalid) {
            return invalid(invalid.getBindingResult().getFieldErrors().stream()
                    .map(f -> f.getField() + ": " + f.getDefaultMessage()).sorted().toList());
        }
        if (e instanceof HandlerMethodValidationException invalid) {
            return invalid(invalid.getAllErrors().stream().map(m -> String.valueOf(m.getDefaultMessage())).sorted()
                    .toList());
        }
        if (e instanceof ConstraintViolationException violated) {
            return invalid(violated.getConstraintViolations().stream()
                    .map(v -> v.getPropertyPath() + ": " + v.getMessage()).sorted().toList());
        }
        if (e instanceof HttpMessageNotReadableException unreadable) {
            return unreadable(unreadable);
        }
        if (e instanceof MethodArgumentTypeMismatchException mismatch) {
            return invalid(List.of(mismatch.getName() + ": '" + shown(mismatch.getValue()) + "' is not valid"));
        }
        if (e instanceof MissingServletRequestParameterException missing) {
            return invalid(List.of(missing.getParameterName() + ": is required"));
        }
        if (e instanceof HttpMediaTypeNotSupportedException unsupported) {
            // the CSV imports take text/csv; every other body of the API is JSON
            boolean csv = unsupported.getSupportedMediaTypes().stream().anyMatch(t -> "csv".equals(t.getSubtype()));
            return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the body as " + (csv ? "text/csv" : "application/json"),
                    List.of("Content-Type: " + shown(unsupported.getContentType())));
        }
        if (e instanceof HttpMediaTypeNotAcceptableException unacceptable) {
            return answer(HttpStatus.NOT_ACCEPTABLE, "This endpoint answers in "
                    + unacceptable.getSupportedMediaTypes().stream().map(Object::toString)
                            .collect(Collectors.joining(", ")) + " only",
                    List.of("Accept: " + shown(request.getHeader("Accept"))));
        }
        if (e instanceof HttpRequestMethodNotSupportedException method) {
            String[] allowed = method.getSupportedMethods() == null ? new String[0] : method.getSupportedMethods();
            return answer(HttpStatus.METHOD_NOT_ALLOWED, "Method " + method.getMethod() + " is not supported here",
                    List.of("allowed: " + String.join(", ", allowed)));
        }
        if (e instanceof NoResourceFoundException || e instanceof NoHandlerFoundException) {
            return answer(HttpStatus.NOT_FOUND, "Not found", List.of("path: " + shown(request.getRequestURI())));
        }
        if (e instanceof RequestRejectedException) {
            return answer(HttpStatus.BAD_REQUEST, "The request was rejected",
                    List.of("a parameter, header or path holds characters that are not allowed"));
        }
        if (e instanceof AccessDeniedException) {
            return answer(HttpStatus.FORBIDDEN, "Not allowed for your role", List.of());
        }
        if (e instanceof DataIntegrityViolationException integrity) {
            return storedData.refusal(integrity);
        }
        if (e instanceof ErrorResponse spring && spring.getStatusCode().is4xxClientError()) {
            HttpStatus known = HttpStatus.resolve(spring.getStatusCode().value());
            String title = spring.getBody().getTitle() != null ? spring.getBody().getTitle()
                    : known != null ? known.getReasonPhrase() : "Refused";
            return answer(spring.getStatusCode(), title,
                    spring.getBody().getDetail() == null ? List.of() : List.of(shown(spring.getBody().getDetail())));
        }
        log.error("Unexpected error answering {} {}", request.getMethod(), request.getRequestURI(), e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side; the error has been logged",
                List.of());
    }

    /** The body of an API error; its content type is set here so no Accept header can turn it into a 406. */
    static ResponseEntity<ApiError> answer(HttpStatusCode status, String error, List<String> details) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(new ApiError(error, details));
    }

    private static ResponseEntity<ApiError> invalid(List<String> details) {
        return answer(HttpStatus.BAD_REQUEST, "Invalid request: " + String.join("; ", details), details);
    }

    private static ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof InvalidFormatException ife && ife.getTargetType() == String.class) {
            return invalid(List.of(path(ife) + ": " + ife.getOriginalMessage()));
        }
        if (cause instanceof InvalidFormatException ife && ife.getTargetType() != null) {
            return invalid(List.of(path(ife) + ": '" + shown(ife.getValue()) + "' "
                    + ValueTypes.notA(ife.getTargetType())));
        }
        if (cause instanceof UnrecognizedPropertyException upe) {
            return invalid(List.of(path(upe) + ": unknown field"));
        }
        if (cause instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
            if (jme.getCause() instanceof StreamReadException broken && !(broken instanceof InputCoercionException)) {
                return malformed(broken, " (in " + path(jme) + ")");
            }
            String why = cause instanceof MismatchedInputException ? "wrong type of value"
                    : "not a usable value (" + shown(jme.getOriginalMessage()) + ")";
            return invalid(List.of(path(jme) + ": " + why));
        }
        if (cause instanceof JsonProcessingException jpe) {
            return malformed(jpe, "");
        }
        return answer(HttpStatus.BAD_REQUEST, "Request body is missing or not JSON", List.of());
    }

    private static ResponseEntity<ApiError> malformed(JsonProcessingException e, String where) {
        String message = e.getOriginalMessage();
        Matcher duplicate = Pattern.compile("^Duplicate field '([^']*)'").matcher(message);
        String detail = duplicate.find() ? duplicate.group(1) + ": given more than once"
                : shown(message.lines().findFirst().orElse(message)) + where;
        if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
            detail = "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": " + detail;
        }
        return answer(HttpStatus.BAD_REQUEST, "Malformed JSON", List.of(detail));
    }

    static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    /** A caller's value echoed back: short, and without characters that could play tricks on a terminal. */
    static String shown(Object value) {
        String text = String.valueOf(value);
        String visible = text.codePoints().limit(80)
                .mapToObj(cp -> Character.isISOControl(cp) ? String.format("\\u%04X", cp) : Character.toString(cp))
                .collect(Collectors.joining());
        return text.codePointCount(0, text.length()) > 80 ? visible + "…" : visible;
    }
}
