package dev.accountflow.renewal;

/** A subscription a kick-off run could not start, and why. */
record KickoffFailure(String subscriptionId, String reason) {
}
