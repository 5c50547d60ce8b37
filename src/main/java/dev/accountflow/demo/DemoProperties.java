package dev.accountflow.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** accountflow.demo.*: whether to create the demo team and portfolio, how many accounts, and the generator seed. */
@ConfigurationProperties("accountflow.demo")
public record DemoProperties(boolean enabled, int accounts, long seed) {
}
