/** The account manager's own pages: My book, one page per account, the renewals board, and touch points. */
package dev.accountflow.book;
