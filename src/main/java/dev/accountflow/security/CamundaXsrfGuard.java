package dev.accountflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a changing call to the webapps' APIs without the XSRF token Camunda gave this session, before Camunda's
 * own check sees it: that check also ends the session, so another site's form could sign anyone out.
 */
class CamundaXsrfGuard extends OncePerRequestFilter {

    private static final Set<String> READING = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return READING.contains(request.getMethod())
                || !request.getRequestURI().startsWith(request.getContextPath() + "/camunda/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && !carriesSessionsToken(request, session)) {
            response.setHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME, CsrfConstants.CSRF_TOKEN_HEADER_REQUIRED);
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "The X-XSRF-TOKEN header is missing or wrong");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean carriesSessionsToken(HttpServletRequest request, HttpSession session) {
        String sent = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
        Object expected = session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
        return sent != null && expected instanceof String token && MessageDigest.isEqual(
                sent.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }
}
