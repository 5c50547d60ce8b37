package dev.accountflow.expansion;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the expansion-signals rules suggested for a page of the book: one suggestion per account, product and kind,
 * from the first row that matched, with its estimated amount, quiet period and reason.
 */
public class ExpansionFindings {

    /** Amount bases a row may name: the product's list ARR for the account's tier, or what the account pays now. */
    public static final String LIST_ARR = "LIST_ARR";
    public static final String CURRENT_ARR = "CURRENT_ARR";

    private final List<Suggested> suggested = new ArrayList<>();
    // the first suggestion per facts (one account and product) and kind: rows fire in salience order
    private final Map<ProductSignals, Map<String, Suggested>> first = new IdentityHashMap<>();

    /**
     * Called by the generated rules. The first row (highest salience) to suggest a kind for an account's product
     * decides; a later row suggesting the same kind for it gets that first suggestion back and adds nothing.
     * (Versions written before this kept the later rows back by inserting the returned fact.)
     */
    public Suggested suggest(ProductSignals facts, String kind, String amountOf, int amountPct, int quietDays,
                             String reason, String ruleName) {
        Map<String, Suggested> kinds = first.computeIfAbsent(facts, f -> new HashMap<>(4));
        Suggested earlier = kinds.get(kind);
        if (earlier != null) {
            return earlier;
        }
        double base = CURRENT_ARR.equals(amountOf) ? facts.getCurrentArr() : facts.getListArr();
        BigDecimal amount = BigDecimal.valueOf(base).multiply(BigDecimal.valueOf(amountPct))
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP);
        Suggested s = new Suggested(facts, kind, amount, quietDays, reason, ruleName);
        suggested.add(s);
        kinds.put(kind, s);
        return s;
    }

    public List<Suggested> getSuggested() {
        return Collections.unmodifiableList(suggested);
    }

    /** One suggestion as the rules made it. */
    public static final class Suggested {
        private final ProductSignals facts;
        private final String kind;
        private final BigDecimal estimatedAmount;
        private final int quietDays;
        private final String reason;
        private final String ruleName;
        private String key;

        Suggested(ProductSignals facts, String kind, BigDecimal estimatedAmount, int quietDays, String reason,
                  String ruleName) {
            this.facts = facts;
            this.kind = kind;
            this.estimatedAmount = estimatedAmount;
            this.quietDays = quietDays;
            this.reason = reason;
            this.ruleName = ruleName;
        }

        public ProductSignals getFacts() { return facts; }
        public String getKind() { return kind; }
        public BigDecimal getEstimatedAmount() { return estimatedAmount; }
        public int getQuietDays() { return quietDays; }
        public String getReason() { return reason; }
        public String getRuleName() { return ruleName; }

        /** Account, kind and product: at most one open suggestion each. */
        String key() {
            if (key == null) {
                key = facts.getAccountId() + "|" + kind + "|" + facts.getProduct();
            }
            return key;
        }
    }
}
