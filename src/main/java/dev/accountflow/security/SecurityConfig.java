package dev.accountflow.security;

import static org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;

/**
 * Nothing but the login page and the health probe answers without signing in; one sign-in (form or HTTP Basic,
 * both throttled) for the app, the Camunda webapps and the APIs, and one sign-out for all of them.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

    private static final RequestMatcher API = new OrRequestMatcher(
            new AntPathRequestMatcher("/api/**"), new AntPathRequestMatcher("/engine-rest/**"),
            new AntPathRequestMatcher("/v3/api-docs/**"), new AntPathRequestMatcher("/actuator/**"));
    private static final RequestMatcher WEBAPP_API = new AntPathRequestMatcher("/camunda/api/**");
    private static final RequestMatcher CAMUNDA = new AntPathRequestMatcher("/camunda/**");
    private static final RequestMatcher SWAGGER_UI = new AntPathRequestMatcher("/swagger-ui/**");
    /** Tasklist's and Cockpit's "Log out". */
    private static final RequestMatcher WEBAPP_LOGOUT =
            new AntPathRequestMatcher("/camunda/api/admin/auth/user/*/logout", HttpMethod.POST.name());
    /** Only what is needed: scripts, styles, fonts and calls to this server; no frames, no plugins. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";
    /** Swagger UI sets inline styles from its script; nothing else is loosened. */
    static final String SWAGGER_UI_POLICY = CONTENT_SECURITY_POLICY.replace("style-src 'self'",
            "style-src 'self' 'unsafe-inline'");

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, CamundaIdentityAuthenticationProvider identity,
                                            AuthorizationService camundaAuthorizations, ObjectMapper json)
            throws Exception {
        BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
        basic.setRealmName("AccountFlow");
        AuthenticationEntryPoint apiEntryPoint = throttledOr(basic, json);
        HttpSessionRequestCache pagesOnly = new HttpSessionRequestCache();
        // only a page someone navigated to is remembered for after sign-in; an API call gets its 401 and no session
        pagesOnly.setRequestMatcher(new AndRequestMatcher(new AntPathRequestMatcher("/**", HttpMethod.GET.name()),
                new NegatedRequestMatcher(API), new NegatedRequestMatcher(WEBAPP_API), htmlPage()));
        http
                // no parent manager: each attempt reaches the throttle and the identity service exactly once
                .authenticationManager(new ProviderManager(identity))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/actuator/health", "/actuator/health/**", "/css/**",
                                "/favicon.ico", "/error").permitAll()
                        // Camunda's own password form would be a second, unthrottled way to guess passwords
                        .requestMatchers("/camunda/api/admin/auth/user/*/login/**").denyAll()
                        .requestMatchers("/actuator/prometheus").hasRole(CurrentUser.MONITORING)
                        .requestMatchers("/camunda/api/admin/auth/**").authenticated()
                        .requestMatchers("/camunda/api/cockpit/**").access(mayUse("cockpit", camundaAuthorizations))
                        .requestMatchers("/camunda/api/admin/**").access(mayUse("admin", camundaAuthorizations))
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false)
                        .failureHandler(backToLoginPage()).permitAll())
                .httpBasic(b -> b.authenticationEntryPoint(apiEntryPoint))
                .requestCache(cache -> cache.requestCache(pagesOnly))
                .logout(logout -> logout
                        .logoutRequestMatcher(new OrRequestMatcher(
                                new AntPathRequestMatcher("/logout", HttpMethod.POST.name()),
                                new AndRequestMatcher(WEBAPP_LOGOUT, SecurityConfig::carriesCamundaXsrfToken)))
                        .defaultLogoutSuccessHandlerFor(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.OK),
                                WEBAPP_LOGOUT)
                        .logoutSuccessUrl("/login?logout"))
                .headers(headers -> headers
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        // the Camunda webapps send their own policy (with nonces for their scripts)
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new AndRequestMatcher(
                                new NegatedRequestMatcher(CAMUNDA), new NegatedRequestMatcher(SWAGGER_UI)),
                                new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(SWAGGER_UI,
                                new ContentSecurityPolicyHeaderWriter(SWAGGER_UI_POLICY))))
                .exceptionHandling(e -> e
                        .accessDeniedHandler(signInFirst(basic, json))
                        .defaultAuthenticationEntryPointFor(apiEntryPoint, API)
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), WEBAPP_API)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                AnyRequestMatcher.INSTANCE))
                // only a request whose own Basic credentials are its sole sign-in cannot be forged by another site;
                // anything riding on the login session sends the CSRF token; the webapps check Camunda's own
                .addFilterBefore(new CamundaXsrfGuard(), LogoutFilter.class)
                .csrf(csrf -> csrf.csrfTokenRepository(new SessionCsrfTokens())
                        .ignoringRequestMatchers(SecurityConfig::basicCredentialsWithoutSession, CAMUNDA));
        return http.build();
    }

    /** Basic credentials and no session cookie: the credentials alone sign the request in. */
    private static boolean basicCredentialsWithoutSession(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)
                && request.getRequestedSessionId() == null;
    }

    /** The webapps' log-out counts only with the XSRF token Camunda gave this session, so no other site can send it. */
    private static boolean carriesCamundaXsrfToken(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && CamundaXsrfGuard.carriesSessionsToken(request, session);
    }

    private static RequestMatcher htmlPage() {
        MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(new HeaderContentNegotiationStrategy(),
                MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(java.util.Set.of(MediaType.ALL));
        return html;
    }

    /** Camunda's application authorizations decide who may use Cockpit's and Admin's APIs, as they do the apps. */
    private static AuthorizationManager<RequestAuthorizationContext> mayUse(String application,
                                                                           AuthorizationService authorizations) {
        return (Supplier<Authentication> authentication, RequestAuthorizationContext context) -> {
            CurrentUser user = CurrentUser.get();
            boolean granted = user.userId() != null && authorizations.isUserAuthorized(user.userId(),
                    List.copyOf(user.groups()), Permissions.ACCESS, Resources.APPLICATION, application);
            return new AuthorizationDecision(granted);
        };
    }

    /** A throttled sign-in is told when to come back; a wrong or missing password gets the Basic challenge. */
    private static AuthenticationEntryPoint throttledOr(BasicAuthenticationEntryPoint basic, ObjectMapper json) {
        return (request, response, failure) -> {
            if (failure instanceof LoginThrottled throttled) {
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.retryAfterSeconds()));
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                json.writeValue(response.getWriter(), Map.of("error", throttled.getMessage(),
                        "details", List.of("Retry-After: " + throttled.retryAfterSeconds() + " s")));
            } else {
                basic.commence(request, response, failure);
            }
        };
    }

    /** Back to the login page with what went wrong in the address, so a failed sign-in creates no session. */
    private static AuthenticationFailureHandler backToLoginPage() {
        return (request, response, failure) -> response.sendRedirect(request.getContextPath()
                + (failure instanceof LoginThrottled throttled
                ? "/login?throttled=" + throttled.retryAfterSeconds() + "&by=" + throttled.throttledBy().name().toLowerCase()
                : "/login?error"));
    }

    /**
     * A request refused before anyone signed in (a POST without CSRF token, say) is told to sign in: 401, not 403.
     * A signed-in API client refused by its role gets the API's error format.
     */
    private static AccessDeniedHandler signInFirst(BasicAuthenticationEntryPoint basic, ObjectMapper json) {
        AccessDeniedHandlerImpl forbidden = new AccessDeniedHandlerImpl();
        return (request, response, denied) -> {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth == null || auth instanceof AnonymousAuthenticationToken) {
                basic.commence(request, response, new InsufficientAuthenticationException("Sign in first"));
            } else if (API.matches(request)
                    && !request.getRequestURI().startsWith(request.getContextPath() + "/engine-rest")) {
                response.setStatus(HttpStatus.FORBIDDEN.value());
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                json.writeValue(response.getWriter(), Map.of("error", "Not allowed for your role",
                        "details", List.of(request.getRequestURI() + " is for other groups")));
            } else {
                forbidden.handle(request, response, denied);
            }
        };
    }

    /** Tasklist, Cockpit and Admin trust the Spring Security login (registered after its filter chain). */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappAuthentication() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(Map.of(AUTHENTICATION_PROVIDER_PARAM,
                SpringSecurityCamundaAuthentication.class.getName()));
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        registration.setOrder(101);
        return registration;
    }

    /** /engine-rest calls run as the signed-in user, so Camunda's authorizations apply to them too. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setInitParameters(Map.of(AUTHENTICATION_PROVIDER_PARAM,
                SpringSecurityCamundaAuthentication.class.getName()));
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(102);
        return registration;
    }

    /** Someone else's task is not there, whatever the verb (after the engine knows who is asking). */
    @Bean
    FilterRegistrationBean<HiddenTasks> hiddenTasks(IdentityService identity, TaskService tasks) {
        FilterRegistrationBean<HiddenTasks> registration = new FilterRegistrationBean<>(new HiddenTasks(identity, tasks));
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(103);
        return registration;
    }
}
