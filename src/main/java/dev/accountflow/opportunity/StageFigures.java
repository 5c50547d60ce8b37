package dev.accountflow.opportunity;

import java.math.BigDecimal;

/** The open pipeline in one stage: how many deals and their amount. */
public record StageFigures(Stage stage, long count, BigDecimal amount) {
}
