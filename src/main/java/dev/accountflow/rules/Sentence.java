package dev.accountflow.rules;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sentence a person wrote, with {placeholders} from a fixed list. In generated rules it travels as Base64 text, so
 * no character a person types can end a string literal or become code; it is filled in when a rule fires.
 */
public final class Sentence {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    private Sentence() {
    }

    /** The trimmed sentence, or a problem naming the placeholder that is not on the list. */
    static String check(String text, int maxLength, List<String> placeholders) {
        if (text.length() > maxLength) {
            throw new IllegalArgumentException("longer than " + maxLength + " characters (" + text.length() + ")");
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("contains control characters (line breaks, tabs); write it on one line");
        }
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!placeholders.contains(m.group(1))) {
                throw new IllegalArgumentException("{" + m.group(1) + "} is not a placeholder here; use one of "
                        + String.join(" ", placeholders.stream().map(p -> "{" + p + "}").toList()));
            }
        }
        return text;
    }

    /** Fills in the placeholders it knows; the others stay as written. */
    static String fill(String text, Function<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.apply(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Called by generated rules of a capability's table: the reason with the values it names filled in. */
    public static String filled(String encoded, Map<String, String> values) {
        return parsed(encoded).fill(values::get);
    }

    // a row's sentence decoded and cut at its placeholders once, not each time the row fires (a sweep fires the rows
    // of a table hundreds of thousands of times with a handful of sentences); cleared if rule versions pile up
    private static final Map<String, Parsed> PARSED = new java.util.concurrent.ConcurrentHashMap<>();

    private static Parsed parsed(String encoded) {
        Parsed known = PARSED.get(encoded);
        if (known != null) {
            return known;
        }
        if (PARSED.size() > 2_000) {
            PARSED.clear();
        }
        Parsed parsed = Parsed.of(decode(encoded));
        PARSED.put(encoded, parsed);
        return parsed;
    }

    /** A sentence as text between placeholders: parts at even positions are text, at odd ones placeholder names. */
    private record Parsed(List<String> parts) {

        static Parsed of(String text) {
            List<String> parts = new java.util.ArrayList<>();
            Matcher m = PLACEHOLDER.matcher(text);
            int from = 0;
            while (m.find()) {
                parts.add(text.substring(from, m.start()));
                parts.add(m.group(1));
                from = m.end();
            }
            parts.add(text.substring(from));
            return new Parsed(List.copyOf(parts));
        }

        String fill(Function<String, String> values) {
            StringBuilder out = new StringBuilder(64);
            for (int i = 0; i < parts.size(); i++) {
                if (i % 2 == 0) {
                    out.append(parts.get(i));
                } else {
                    String value = values.apply(parts.get(i));
                    out.append(value == null ? "{" + parts.get(i) + "}" : value);
                }
            }
            return out.toString();
        }
    }

    /** A percentage as a sentence shows it: 20 → "20%", 12.5 → "12.5%". */
    public static String percentText(double value) {
        return percent(value);
    }

    static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static String decode(String encoded) {
        return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    }

    /** Called by generated health rules: the reason with the account's numbers filled in. */
    public static String healthReason(String encoded, AccountHealthFacts facts) {
        // each value is worked out only if the row's sentence names it: a sweep fires these rows for every flag
        return parsed(encoded).fill(name -> switch (name) {
            case "accountName" -> facts.getAccountName();
            case "daysToRenewal" -> facts.getDaysToRenewal() == null ? "no" : String.valueOf(facts.getDaysToRenewal());
            case "daysSinceExecutiveContact" -> facts.getDaysSinceExecutiveEngagement() == null ? "no"
                    : String.valueOf(facts.getDaysSinceExecutiveEngagement());
            case "usageDropPct" -> facts.getActiveUsersChangePct() == null ? "unknown"
                    : percent(-facts.getActiveUsersChangePct());
            case "openEscalations" -> String.valueOf(facts.getOpenEscalations());
            case "csat" -> facts.getCsat() == null ? "unknown" : String.valueOf(facts.getCsat());
            case "renewalProduct" -> facts.getRenewalProduct() == null ? "no subscription" : facts.getRenewalProduct();
            case "renewalArr" -> facts.getRenewalArr() == null ? "no ARR" : money(facts.getRenewalArr());
            case "daysSinceSponsorLeft" -> facts.getDaysSinceSponsorLeft() == null ? "no"
                    : String.valueOf(facts.getDaysSinceSponsorLeft());
            case "closeDatePushes" -> String.valueOf(facts.getCloseDatePushes());
            case "slippingOpportunity" -> facts.getSlippingOpportunity() == null ? "no deal"
                    : facts.getSlippingOpportunity();
            case "slippingCloseDate" -> dev.accountflow.money.SalesDates.format(facts.getSlippingCloseDate());
            case "slippingFirstCloseDate" -> dev.accountflow.money.SalesDates.format(facts.getSlippingFirstCloseDate());
            case "openCustomerEscalations" -> String.valueOf(facts.getOpenCustomerEscalations());
            case "worstEscalationSeverity" -> facts.getWorstOpenEscalationSeverity() == null ? "none"
                    : facts.getWorstOpenEscalationSeverity();
            case "oldestEscalationDays" -> facts.getOldestOpenEscalationDays() == null ? "no"
                    : String.valueOf(facts.getOldestOpenEscalationDays());
            default -> null;
        });
    }

    public static String noticeReason(String encoded, NoticeFacts facts) {
        Map<String, String> values = new java.util.HashMap<>();
        values.put("accountName", facts.getAccountName());
        values.put("arr", money(facts.getArr()));
        values.put("flagCode", facts.getFlagCode());
        values.put("flagReason", facts.getFlagReason());
        values.put("severity", facts.getSeverity());
        return parsed(encoded).fill(values::get);
    }

    static String money(java.math.BigDecimal amount) {
        return dev.accountflow.money.Money.format(amount);
    }

    /** Called by generated feature-routing rules: the reason with the request's figures filled in. */
    public static String routingReason(String encoded, FeatureRequestFacts facts) {
        Map<String, String> values = new java.util.HashMap<>();
        values.put("title", facts.getTitle());
        values.put("productArea", facts.getProductArea() == null ? "No product area" : facts.getProductArea());
        values.put("accountName", facts.getAccountName());
        values.put("tier", facts.getTier());
        values.put("vertical", facts.getVertical());
        values.put("arrAtStake", dev.accountflow.money.Money.format(facts.getArrAtStake()));
        values.put("requestingAccounts", String.valueOf(facts.getRequestingAccounts()));
        return parsed(encoded).fill(values::get);
    }

    /** Called by generated escalation-routing rules: the reason with the escalation's facts filled in. */
    public static String escalationReason(String encoded, EscalationFacts facts) {
        Map<String, String> values = new java.util.HashMap<>();
        values.put("division", facts.getDivision());
        values.put("severity", facts.getSeverity());
        values.put("accountName", facts.getAccountName());
        values.put("tier", facts.getTier());
        values.put("vertical", facts.getVertical());
        values.put("arr", dev.accountflow.money.Money.format(facts.getArr()));
        return parsed(encoded).fill(values::get);
    }

    /** Called by generated stage-gate rules: the reason with the deal's figures filled in. */
    public static String gateReason(String encoded, StageGateFacts facts) {
        return parsed(encoded).fill(StageGatesTable.reasonValues(facts)::get);
    }

    static String percent(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString() + "%";
    }
}
