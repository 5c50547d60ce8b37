package dev.accountflow.security;

import java.util.List;
import dev.accountflow.operations.SalesMetrics;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Signs people in against Camunda's identity service; their Camunda groups become their roles. The login throttle
 * is asked first, so a name or address that must wait never gets its password checked.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identity;
    private final LoginThrottle throttle;
    private final SalesMetrics metrics;

    CamundaIdentityAuthenticationProvider(IdentityService identity, LoginThrottle throttle, SalesMetrics metrics) {
        this.metrics = metrics;
        this.identity = identity;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails web
                ? web.getRemoteAddress() : null;
        throttle.checkAllowed(userId, address);
        Object credentials = authentication.getCredentials();
        if (userId == null || userId.isBlank() || credentials == null
                || !identity.checkPassword(userId, credentials.toString())) {
            throttle.failed(userId, address);
            metrics.loginFailed();
            throw new BadCredentialsException("Wrong user name or password");
        }
        throttle.succeeded(userId);
        List<SimpleGrantedAuthority> roles = identity.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .map(group -> new SimpleGrantedAuthority("ROLE_" + group))
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, roles);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
