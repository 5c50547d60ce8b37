package dev.accountflow.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * accountflow.demo.*: whether to create the demo team and portfolio, how many accounts, the generator seed, and the
 * share of accounts (in percent, 100 when not set) the generator lets slip into trouble.
 */
@ConfigurationProperties("accountflow.demo")
public record DemoProperties(boolean enabled, int accounts, long seed, Integer troublePercent) {

    public int trouble() {
        return troublePercent == null ? 100 : Math.max(0, Math.min(100, troublePercent));
    }
}
