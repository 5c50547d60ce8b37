package dev.accountflow.account;

/**
 * Which accounts a set-based read covers: one by id, or a page of the book in id order (after one id up to
 * another). Every table keyed by account is read for the same range with {@link #on(String)}.
 */
public record AccountRange(String condition, Object[] params) {

    public static AccountRange one(String accountId) {
        return new AccountRange("= ?", new Object[] {accountId});
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
