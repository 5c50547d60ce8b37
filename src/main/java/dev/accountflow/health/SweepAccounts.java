package dev.accountflow.health;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * portfolio-health-sweep's Task_PageTheBook: cuts the book into pages of accounts in id order; each page becomes a
 * job of its own (Task_SweepBatch), so several nodes share the sweep. A page travels as its two boundary ids, so
 * the run's variables stay small at any book size.
 */
@Component("pageTheBook")
class SweepAccounts implements JavaDelegate {

    static final int BATCH_SIZE = 4_000;
    static final String BATCH_VARIABLE = "accountBatch";

    private final JdbcTemplate jdbc;
    private final SweepRuns runs;
    private final int pageSize;

    SweepAccounts(JdbcTemplate jdbc, SweepRuns runs,
                  @org.springframework.beans.factory.annotation.Value("${accountflow.health.sweep-page-size:"
                          + BATCH_SIZE + "}") int pageSize) {
        this.jdbc = jdbc;
        this.runs = runs;
        if (pageSize < 1 || pageSize > 10_000) {
            throw new IllegalArgumentException("accountflow.health.sweep-page-size: " + pageSize
                    + " is not between 1 and 10,000 accounts");
        }
        this.pageSize = pageSize;
    }

    /** The accounts after afterId (null: from the first) up to lastId, in id order. */
    record Batch(String afterId, String lastId) {

        static Batch parse(String text) {
            int bar = text.indexOf('|');
            return new Batch(bar == 0 ? null : text.substring(0, bar), text.substring(bar + 1));
        }

        String text() {
            return (afterId == null ? "" : afterId) + "|" + lastId;
        }
    }

    @Override
    public void execute(DelegateExecution execution) {
        int accounts = jdbc.queryForObject("select count(*) from account", Integer.class);
        // every page-size-th id closes a page, the last id closes the last one: one statement, a few rows back
        List<String> ends = new ArrayList<>(jdbc.queryForList("""
                select id from (select id, row_number() over (order by id) as position from account) numbered
                 where mod(position, ?) = 0 or position = ? order by id""", String.class, pageSize, accounts));
        List<String> batches = new ArrayList<>();
        String after = null;
        for (String last : ends) {
            batches.add(new Batch(after, last).text());
            after = last;
        }
        runs.open(execution.getProcessInstanceId(), accounts);
        execution.setVariable("accounts", accounts);
        // transient: the page list only feeds the multi-instance; each page is stored with its own job
        execution.setVariable("accountBatches", Variables.objectValue(batches, true).create());
    }
}
