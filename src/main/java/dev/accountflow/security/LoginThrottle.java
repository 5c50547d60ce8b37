package dev.accountflow.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing per user name and per client address, in memory on each node: after the free failures
 * every further failure doubles the wait, capped, and nothing is ever locked for good. Attempts made while waiting
 * are refused without checking the password and do not lengthen the wait, so an attacker cannot keep the owner out.
 */
@Component
class LoginThrottle {

    private final LoginThrottleProperties properties;
    private final Clock clock;
    private final Map<String, Failures> failures;

    @Autowired
    LoginThrottle(LoginThrottleProperties properties, ObjectProvider<Clock> clock) {
        this(properties, clock.getIfAvailable(Clock::systemUTC));
    }

    LoginThrottle(LoginThrottleProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        // least recently touched first, so the oldest entries go when the map is full: memory stays bounded
        this.failures = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
                return size() > properties.maxTracked();
            }
        };
    }

    /** Refuses the attempt when the user name or the address must still wait. */
    synchronized void checkAllowed(String userId, String address) {
        Instant now = clock.instant();
        Optional<Duration> userWait = waitFor(userKey(userId), properties.failuresPerUser(), now);
        if (userWait.isPresent()) {
            throw new LoginThrottled(LoginThrottled.Cause.USER, userWait.get());
        }
        Optional<Duration> addressWait = waitFor(addressKey(address), properties.failuresPerAddress(), now);
        if (addressWait.isPresent()) {
            throw new LoginThrottled(LoginThrottled.Cause.ADDRESS, addressWait.get());
        }
    }

    synchronized void failed(String userId, String address) {
        Instant now = clock.instant();
        record(userKey(userId), now);
        record(addressKey(address), now);
    }

    /** The owner got in: their name starts afresh (the address does not, or one valid login would hide a sweep). */
    synchronized void succeeded(String userId) {
        failures.remove(userKey(userId));
    }

    synchronized int tracked() {
        return failures.size();
    }

    private Optional<Duration> waitFor(String key, int free, Instant now) {
        Failures entry = current(key, now);
        if (entry == null || entry.count < free) {
            return Optional.empty();
        }
        Instant until = entry.last.plus(delayAfter(entry.count - free));
        return now.isBefore(until) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    /** The wait after the n-th failure beyond the free ones: first delay, doubled each time, capped. */
    private Duration delayAfter(int beyondFree) {
        Duration delay = properties.firstDelay();
        for (int i = 0; i < beyondFree && delay.compareTo(properties.maxDelay()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(properties.maxDelay()) > 0 ? properties.maxDelay() : delay;
    }

    private void record(String key, Instant now) {
        Failures entry = current(key, now);
        failures.put(key, new Failures(entry == null ? 1 : entry.count + 1, now));
    }

    private Failures current(String key, Instant now) {
        Failures entry = failures.get(key);
        if (entry != null && entry.last.plus(properties.forgetAfter()).isBefore(now)) {
            failures.remove(key);
            return null;
        }
        return entry;
    }

    private static String userKey(String userId) {
        return "user:" + (userId == null ? "" : userId.trim().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + (address == null ? "unknown" : address);
    }

    private record Failures(int count, Instant last) {
    }
}
