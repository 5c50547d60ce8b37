/** Money and dates as the sales team types and reads them. */
package dev.accountflow.money;
