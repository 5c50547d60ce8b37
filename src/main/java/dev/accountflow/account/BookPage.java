package dev.accountflow.account;

import java.math.BigDecimal;
import java.util.List;

/** A page of the book with the totals of everything the query matched, not only of this page. */
public record BookPage(List<BookRow> content, long totalElements, int page, int size, int totalPages,
                       BigDecimal totalArr, String sort) {
}
