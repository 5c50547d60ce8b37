package dev.accountflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The waits a password guesser meets: free failures, then 1 s, 2 s, 4 s … capped; nothing is locked for good. */
class LoginThrottleTest {

    private final MovableClock clock = new MovableClock();
    private final LoginThrottle throttle = new LoginThrottle(new LoginThrottleProperties(5, 20, Duration.ofSeconds(1),
            Duration.ofSeconds(60), Duration.ofMinutes(15), 100), clock);

    @Test
    void theWaitDoublesWithEachFailureBeyondTheFreeOnesUpToTheCap() {
        fail("amy", 5);
        assertWait("amy", 1);
        long[] expected = {2, 4, 8, 16, 32, 60, 60};
        for (long seconds : expected) {
            clock.move(Duration.ofSeconds(61));
            throttle.failed("amy", "10.0.0.1");
            assertWait("amy", seconds);
        }
    }

    @Test
    void attemptsWhileWaitingDoNotLengthenTheWaitAndTheOwnerGetsInAfterIt() {
        fail("amy", 5);
        for (int i = 0; i < 50; i++) {
            assertThatThrownBy(() -> throttle.checkAllowed("amy", "10.0.0.1")).isInstanceOf(LoginThrottled.class);
        }
        clock.move(Duration.ofMillis(1001));
        assertThatCode(() -> throttle.checkAllowed("amy", "10.0.0.1")).doesNotThrowAnyException();
        throttle.succeeded("amy");
        throttle.failed("amy", "10.0.0.1");
        assertThatCode(() -> throttle.checkAllowed("AMY", "10.0.0.1")).as("a success starts the count afresh")
                .doesNotThrowAnyException();
    }

    @Test
    void anAddressSweepingManyNamesWaitsButOtherAddressesDoNot() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("name-" + i, "10.0.0.9");
        }
        assertThatThrownBy(() -> throttle.checkAllowed("ben", "10.0.0.9"))
                .hasMessage("Too many failed sign-ins from your address; try again in 1 second");
        assertThatCode(() -> throttle.checkAllowed("ben", "10.0.0.2")).doesNotThrowAnyException();
    }

    @Test
    void memoryStaysBoundedAndQuietEntriesAreForgotten() {
        for (int i = 0; i < 1_000; i++) {
            throttle.failed("name-" + i, "10.0.0." + (i % 250));
        }
        assertThat(throttle.tracked()).isLessThanOrEqualTo(100);

        fail("amy", 5);
        clock.move(Duration.ofMinutes(16));
        throttle.failed("amy", "10.0.0.1");
        assertThatCode(() -> throttle.checkAllowed("amy", "10.0.0.1")).as("old failures forgotten")
                .doesNotThrowAnyException();
    }

    private void fail(String user, int times) {
        for (int i = 0; i < times; i++) {
            assertThatCode(() -> throttle.checkAllowed(user, "10.0.0.1")).doesNotThrowAnyException();
            throttle.failed(user, "10.0.0.1");
        }
    }

    private void assertWait(String user, long seconds) {
        assertThatThrownBy(() -> throttle.checkAllowed(user, "10.0.0.1"))
                .isInstanceOfSatisfying(LoginThrottled.class, t -> {
                    assertThat(t.retryAfterSeconds()).isEqualTo(seconds);
                    assertThat(t.throttledBy()).isEqualTo(LoginThrottled.Cause.USER);
                });
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-11-28T08:00:00Z");

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
