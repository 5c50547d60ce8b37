package dev.accountflow.rules;

import java.util.Optional;

/**
 * How big and how deeply nested rule text may be (and that it holds no NUL character). Drools parses brackets recursively, so unbounded nesting ends in a
 * StackOverflowError on a request thread; a sane limit keeps every rule a person writes and refuses the rest.
 */
public final class RuleTextBounds {

    public static final int MAX_LENGTH = 200_000;
    public static final int MAX_NESTING = 64;

    private RuleTextBounds() {
    }

    /** The first bound the text breaks, with the line to look at; empty when the compiler may have it. */
    static Optional<RuleProblem> firstBreach(String drl) {
        if (drl.length() > MAX_LENGTH) {
            return Optional.of(new RuleProblem(1, 1, "longer than 200,000 characters (" + drl.length() + ")"));
        }
        int depth = 0;
        int line = 1;
        int column = 0;
        char quote = 0;
        boolean lineComment = false;
        boolean blockComment = false;
        for (int i = 0; i < drl.length(); i++) {
            char c = drl.charAt(i);
            char next = i + 1 < drl.length() ? drl.charAt(i + 1) : 0;
            column++;
            if (c == 0) {
                // PostgreSQL cannot store it, and no rule needs it
                return Optional.of(new RuleProblem(line, column, "contains a NUL character; remove it"));
            }
            if (c == '\n') {
                line++;
                column = 0;
                lineComment = false;
            } else if (lineComment) {
                continue;
            } else if (blockComment) {
                if (c == '*' && next == '/') {
                    blockComment = false;
                    i++;
                    column++;
                }
            } else if (quote != 0) {
                if (c == '\\') {
                    i++;
                    column++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '/' && next == '/') {
                lineComment = true;
            } else if (c == '/' && next == '*') {
                blockComment = true;
                i++;
                column++;
            } else if (c == '(' || c == '[' || c == '{') {
                if (++depth > MAX_NESTING) {
                    return Optional.of(new RuleProblem(line, column, "nesting deeper than " + MAX_NESTING
                            + " (brackets inside brackets); split the condition into smaller rules"));
                }
            } else if (c == ')' || c == ']' || c == '}') {
                depth = Math.max(0, depth - 1);
            }
        }
        return Optional.empty();
    }
}
