package dev.accountflow.opportunity;

public enum Stage {
    QUALIFY, DISCOVER, SOLUTION_DEVELOPMENT, PROPOSAL, NEGOTIATION, CLOSED_WON, CLOSED_LOST;

    /** The stage a deal moves to when it leaves this one: after negotiation it is won. */
    Stage next() {
        return switch (this) {
            case QUALIFY -> DISCOVER;
            case DISCOVER -> SOLUTION_DEVELOPMENT;
            case SOLUTION_DEVELOPMENT -> PROPOSAL;
            case PROPOSAL -> NEGOTIATION;
            case NEGOTIATION -> CLOSED_WON;
            case CLOSED_WON, CLOSED_LOST -> throw new IllegalStateException("A closed opportunity has no next stage");
        };
    }

    public String label() {
        String words = name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
