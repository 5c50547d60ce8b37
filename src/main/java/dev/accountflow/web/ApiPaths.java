package dev.accountflow.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/** Which requests are API calls: they get {"error", "details"} answers; pages get the app's error pages. */
final class ApiPaths {

    static final String PATTERN = "/api/**";

    private ApiPaths() {
    }

    static boolean isApi(HttpServletRequest request) {
        return isApiPath(request.getRequestURI(), request.getContextPath());
    }

    /** On the error dispatch, the path the caller asked for, not /error. */
    static boolean wasApi(HttpServletRequest request) {
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return original != null ? isApiPath(original.toString(), request.getContextPath()) : isApi(request);
    }

    private static boolean isApiPath(String uri, String contextPath) {
        String path = contextPath != null && !contextPath.isEmpty() && uri.startsWith(contextPath)
                ? uri.substring(contextPath.length()) : uri;
        return path.equals("/api") || path.startsWith("/api/");
    }
}
