package dev.accountflow.rules;

/** Every exit criterion a stage move failed, each with its reason; an empty list lets the move through. */
public class StageExitDecision extends StageGateDecision {
}
