package dev.accountflow.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A correlation id per HTTP request, in every log line the request causes (MDC {@code correlationId}) and in the
 * answer's {@code X-Correlation-Id} header: the caller's own when it sent a sane one (1 to 64 of A-Z, a-z, 0-9, '-'
 * and '_'), a new one otherwise, so nothing a caller sends can forge or break a log line. First of all filters, so
 * sign-in and security lines carry it too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CorrelationIds extends OncePerRequestFilter {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = idFor(request.getHeader(HEADER));
        String outer = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, id);
        response.setHeader(HEADER, id);
        try {
            chain.doFilter(request, response);
        } finally {
            if (outer != null) {
                MDC.put(MDC_KEY, outer);
            } else {
                MDC.remove(MDC_KEY);
            }
        }
    }

    /** The caller's id when sane, else a new one. */
    static String idFor(String given) {
        return given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        // the error page's lines belong to the same request: keep its id (the MDC still holds it)
        return true;
    }
}
