package dev.accountflow.account;

/**
 * Which accounts a set-based read covers: one by id, a page of the book in id order (after one id up to another),
 * or the whole book. Every table keyed by account is read for the same range with {@link #on(String)}.
 */
public record AccountRange(String condition, Object[] params) {

    public static AccountRange one(String accountId) {
        return new AccountRange("= ?", new Object[] {accountId});
    }

    public static AccountRange all() {
        return new AccountRange("is not null", new Object[0]);
    }

    /** The accounts after {@code afterId} (null: from the first) up to and including {@code lastId}. */
    public static AccountRange page(String afterId, String lastId) {
        return afterId == null ? new AccountRange("<= ?", new Object[] {lastId})
                : new AccountRange("> ? and %s <= ?", new Object[] {afterId, lastId});
    }

    /** The range as a condition on a column holding an account id, e.g. {@code on("s.account_id")}. */
    public String on(String column) {
        return column + " " + condition.formatted(column);
    }
}
