package dev.accountflow.opportunity;

import dev.accountflow.money.Money;
import dev.accountflow.web.ApiException;
import dev.accountflow.web.TypedFields;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fields of the "new opportunity" form as people type them (the page and Tasklist's start form): every field is
 * a claim, read as text, checked like the API's JSON and refused with every problem named by its field.
 */
final class OpportunityForm {

    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2200, 12, 31);

    private OpportunityForm() {
    }

    /** The request the fields describe, or a 400 naming every bad field; nothing is looked up here. */
    static OpportunityService.NewOpportunity read(Map<String, ?> fields) {
        List<String> problems = new ArrayList<>();
        String accountId = TypedFields.line(fields, "accountId", 36, true, problems);
        OpportunityType type = null;
        String typed = TypedFields.line(fields, "type", 20, true, problems);
        if (typed != null) {
            if ("EXPANSION".equals(typed) || "NEW_BUSINESS".equals(typed)) {
                type = OpportunityType.valueOf(typed);
            } else {
                problems.add("type: pick Expansion or New business");
            }
        }
        String name = TypedFields.line(fields, "name", OpportunityService.NAME_LENGTH, true, problems);
        String product = TypedFields.line(fields, "product", 120, true, problems);
        BigDecimal amount = null;
        Object amountTyped = fields.get("amount");
        if (amountTyped == null || amountTyped.toString().isBlank()) {
            problems.add("amount: is required; type it like 250,000");
        } else if (amountTyped.toString().strip().startsWith("-")) {
            problems.add("amount: must be more than $0");
        } else {
            amount = Money.parse(amountTyped).orElse(null);
            if (amount == null) {
                problems.add(Money.problem("amount", amountTyped));
            } else if (amount.signum() <= 0) {
                problems.add("amount: must be more than $0");
                amount = null;
            } else if (amount.compareTo(MAX_AMOUNT) > 0) {
                problems.add("amount: at most " + Money.format(MAX_AMOUNT));
                amount = null;
            }
        }
        LocalDate closeDate = null;
        String closeTyped = TypedFields.line(fields, "closeDate", 10, true, problems);
        if (closeTyped != null) {
            try {
                closeDate = LocalDate.parse(closeTyped);
                if (closeDate.isBefore(EARLIEST) || closeDate.isAfter(LATEST)) {
                    problems.add("closeDate: must lie between 1 Jan 1900 and 31 Dec 2200");
                    closeDate = null;
                }
            } catch (DateTimeParseException e) {
                problems.add("closeDate: '" + closeTyped + "' is not a date; pick a day like 2027-01-04");
            }
        }
        String partnerId = TypedFields.line(fields, "partnerId", 36, false, problems);
        if (!problems.isEmpty()) {
            throw new ApiException(org.springframework.http.HttpStatus.BAD_REQUEST, "Invalid opportunity", problems);
        }
        return new OpportunityService.NewOpportunity(accountId, type, name, product, amount, closeDate, partnerId);
    }
}
