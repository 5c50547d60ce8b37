package dev.accountflow.featurerequest;

/** One feature request as pages show it: money and dates already in people's format. */
public record FeatureRequestLine(String id, String title, String area, String impact, String status, String priority,
                                 String arrAtStake, int requestingAccounts, String answer, String loggedOn) {
}
