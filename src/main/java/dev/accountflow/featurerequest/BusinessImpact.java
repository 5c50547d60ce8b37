package dev.accountflow.featurerequest;

/** Why the customer needs it, in the account manager's words. */
public enum BusinessImpact {
    BLOCKS_RENEWAL("blocks renewal"), NEEDED_FOR_EXPANSION("needed for expansion"),
    NEEDED_FOR_ADOPTION("needed for adoption"), NICE_TO_HAVE("nice to have");

    private final String words;

    BusinessImpact(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}
