package dev.accountflow.rules;

import java.util.ArrayList;
import java.util.List;

/** Every exit criterion a stage move failed, each with its reason; an empty list lets the move through. */
public class StageExitDecision {

    private final List<String> reasons = new ArrayList<>();

    public void block(String reason) {
        reasons.add(reason);
    }

    public boolean isBlocked() {
        return !reasons.isEmpty();
    }

    public List<String> getReasons() {
        return List.copyOf(reasons);
    }
}
