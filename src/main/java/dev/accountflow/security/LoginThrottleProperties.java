package dev.accountflow.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How sign-ins are slowed down after failures: the first failures are free, then each further one doubles the wait
 * (from {@code firstDelay} up to {@code maxDelay}); a name or address quiet for {@code forgetAfter} starts afresh.
 */
@ConfigurationProperties("accountflow.security.login-throttle")
public record LoginThrottleProperties(
        @DefaultValue("5") int failuresPerUser,
        @DefaultValue("20") int failuresPerAddress,
        @DefaultValue("1s") Duration firstDelay,
        @DefaultValue("60s") Duration maxDelay,
        @DefaultValue("15m") Duration forgetAfter,
        @DefaultValue("10000") int maxTracked) {
}
