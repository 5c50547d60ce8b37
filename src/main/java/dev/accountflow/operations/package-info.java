/** What operators watch: the sales process's metrics for Prometheus, read from events and aggregate queries. */
package dev.accountflow.operations;
