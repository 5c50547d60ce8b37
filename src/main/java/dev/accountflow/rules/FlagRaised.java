package dev.accountflow.rules;

/**
 * A health rule raised this flag code on this account in the current session: later rows with the same code stand
 * down for that account only, so one session can decide many accounts with "first matching row per flag code".
 */
public record FlagRaised(AccountHealthFacts account, String code) {
}
