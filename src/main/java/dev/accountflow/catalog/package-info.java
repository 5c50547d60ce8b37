/** The product catalog sales managers keep: list ARR per tier, the verticals a product fits, its complements. */
package dev.accountflow.catalog;
