package dev.accountflow.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A sign-in refused without looking at the password, because too many failed before it. */
class LoginThrottled extends AuthenticationException {

    enum Cause { USER, ADDRESS }

    private final Cause cause;
    private final Duration retryAfter;

    LoginThrottled(Cause cause, Duration retryAfter) {
        super(messageFor(cause, retryAfter));
        this.cause = cause;
        this.retryAfter = retryAfter;
    }

    Cause throttledBy() {
        return cause;
    }

    /** Whole seconds to wait, never 0, so "try again in 0 seconds" is never said. */
    long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    static String messageFor(Cause cause, Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return "Too many failed sign-ins " + (cause == Cause.USER ? "for this user" : "from your address")
                + "; try again in " + seconds + (seconds == 1 ? " second" : " seconds");
    }
}
