package dev.accountflow.rules;

/** One compile error in a rule set, at the line and column of its DRL text. */
public record RuleProblem(int line, int column, String message) {

    @Override
    public String toString() {
        return "line " + line + ": " + message;
    }
}
