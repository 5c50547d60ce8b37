package dev.accountflow.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accountflow.account.Account;
import dev.accountflow.account.AccountService;
import dev.accountflow.account.Tier;
import dev.accountflow.account.Vertical;
import dev.accountflow.support.PostgresIT;
import dev.accountflow.support.TestUsers;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The portfolio health sweep as the job executor runs it: flags raised once, resolved with the time, retried safely. */
class HealthSweepIT extends PostgresIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired AccountService accounts;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;
    @Autowired JdbcTemplate jdbc;
    @Autowired RuntimeService runtime;

    @BeforeEach
    void people() {
        TestUsers.ensure(identity);
    }

    @Test
    void aFlagIsRaisedOnceResolvedWhenItNoLongerHoldsAndRaisedAgainOnARelapse() throws Exception {
        Account account = accountWithUsage("Harbor Point Insurance " + unique(), -35);
        assertThat(post("/api/health/sweep", TestUsers.IVY, "").statusCode()).isEqualTo(403);

        JsonNode first = sweep();
        assertThat(first.get("status").asText()).isEqualTo("DONE");
        assertThat(first.get("evaluated").asInt()).isEqualTo(first.get("accounts").asInt())
                .isEqualTo(jdbc.queryForObject("select count(*) from account", Integer.class));
        assertThat(first.get("failed").asInt()).isZero();
        assertThat(open(account)).containsEntry("USAGE_DROP", "HIGH");
        assertThat(reason(account, "USAGE_DROP")).isEqualTo("Active users down 35%");

        JsonNode second = sweep();
        assertThat(second.get("raised").asInt()).as("a second sweep in a row raises nothing").isZero();
        assertThat(second.get("resolved").asInt()).as("and resolves nothing").isZero();
        assertThat(records(account, "USAGE_DROP")).isEqualTo(1);

        signal(account, 4);
        JsonNode recovered = sweep();
        assertThat(recovered.get("resolved").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(open(account)).doesNotContainKey("USAGE_DROP");
        assertThat(jdbc.queryForObject("select count(*) from risk_flag where account_id = ? and code = 'USAGE_DROP' "
                + "and resolved_at is not null", Integer.class, account.getId())).isEqualTo(1);

        signal(account, -25);
        sweep();
        assertThat(open(account)).containsEntry("USAGE_DROP", "HIGH");
        assertThat(records(account, "USAGE_DROP")).as("raise, resolve, raise again: two records, one open").isEqualTo(2);
        assertThat(jdbc.queryForObject("select worst_flag from account where id = ?", Integer.class, account.getId()))
                .as("the book shows the account red").isEqualTo(3);
    }

    @Test
    void everyAccountOfAPageGetsTheFlagOfItsOwnFirstMatchingRow() throws Exception {
        Account steep = accountWithUsage("Steepfall Capital " + unique(), -40);
        Account mild = accountWithUsage("Mildmay Assurance " + unique(), -12);
        Account edge = accountWithUsage("Edgewater Bank " + unique(), -20);

        sweep();

        assertThat(open(steep)).containsEntry("USAGE_DROP", "HIGH");
        assertThat(open(mild)).containsEntry("USAGE_DROP", "MEDIUM");
        assertThat(open(edge)).containsEntry("USAGE_DROP", "HIGH");
        assertThat(reason(mild, "USAGE_DROP")).isEqualTo("Active users down 12%");
        assertThat(jdbc.queryForObject("select rules_fired from decision_record where subject_id = ? "
                + "and decision_type = 'health'", String.class, mild.getId()))
                .as("the decision names only the rows that fired for this account")
                .isEqualTo("Active users down 10% or more but less than 20%");
    }

    @Test
    void aStrategicAccountWithoutAChampionIsFlaggedUntilOneIsNamed() throws Exception {
        Account strategic = accounts.createAccount("Lonepeak Health " + unique(), Vertical.HEALTHCARE, "NORTHEAST",
                Tier.STRATEGIC, TestUsers.NED);
        accounts.addContact(strategic.getId(), "Sam Sponsor", "sam@example.com",
                dev.accountflow.account.ContactRole.EXECUTIVE_SPONSOR, Instant.now().minus(5, ChronoUnit.DAYS));
        signal(strategic, 2);
        Account growth = accountWithUsage("Lonepeak Dental " + unique(), 2);

        sweep();
        assertThat(open(strategic)).containsEntry("NO_CHAMPION", "MEDIUM");
        assertThat(reason(strategic, "NO_CHAMPION")).isEqualTo("No champion is named at " + strategic.getName()
                + ", a strategic account");
        assertThat(open(growth)).as("near miss: a growth account needs no champion").doesNotContainKey("NO_CHAMPION");

        accounts.addContact(strategic.getId(), "Cam Champion", "cam@example.com",
                dev.accountflow.account.ContactRole.CHAMPION, Instant.now().minus(2, ChronoUnit.DAYS));
        sweep();
        assertThat(open(strategic)).doesNotContainKey("NO_CHAMPION");
    }

    @Test
    void anAccountRedBeforeTheSweepExistedGetsItsPlaybookOnTheNextSweepAndOnlyOne() throws Exception {
        Account account = accountWithUsage("Oldred Savings " + unique(), -30);
        // red since a renewal assessed it, before sweeps started playbooks: an open HIGH flag and no playbook
        jdbc.update("insert into risk_flag (id, account_id, code, severity, reason, rule_name, raised_at, open_key) "
                + "values (?, ?, 'USAGE_DROP', 'HIGH', 'Active users down 30%', 'Active users down 20% or more', "
                + "now(), ?)", UUID.randomUUID().toString(), account.getId(), account.getId() + ":USAGE_DROP");
        assertThat(playbooks(account)).isZero();

        sweep();
        assertThat(records(account, "USAGE_DROP")).as("its flag was already open: not raised again").isEqualTo(1);
        assertThat(playbooks(account)).isEqualTo(1);

        sweep();
        assertThat(playbooks(account)).as("one playbook per account at a time").isEqualTo(1);
    }

    @Test
    void aBatchThatFailsMidwayIsRetriedAndEndsLikeACleanRunCountingEachAccountOnce() throws Exception {
        Account healthy = accountWithUsage("Quayside Mutual " + unique(), 3);
        Account poisoned = accountWithUsage("Poisoned Lending " + unique(), -50);
        jdbc.execute("""
                create or replace function refuse_sweep_flag() returns trigger language plpgsql as $$
                begin
                  if new.account_id = '%s' then raise exception 'disk full while flagging %%', new.account_id; end if;
                  return new;
                end $$""".formatted(poisoned.getId()));
        jdbc.execute("create trigger refuse_sweep_flag before insert on risk_flag for each row "
                + "execute function refuse_sweep_flag()");
        String runId;
        try {
            runId = runId(post("/api/health/sweep", TestUsers.MAX, ""));
            runJobsOnce(runId);
            runJobsOnce(runId);
            JsonNode midway = status(runId);
            assertThat(midway.get("status").asText()).isEqualTo("RUNNING");
            assertThat(midway.get("evaluated").asInt()).as("the failed page counted nothing")
                    .isLessThan(midway.get("accounts").asInt());
            assertThat(open(poisoned)).isEmpty();
        } finally {
            jdbc.execute("drop trigger refuse_sweep_flag on risk_flag");
        }
        runJobsOf(runId);

        JsonNode done = status(runId);
        assertThat(done.get("status").asText()).isEqualTo("DONE");
        assertThat(done.get("failed").asInt()).isZero();
        assertThat(done.get("evaluated").asInt()).as("each account counted once").isEqualTo(done.get("accounts").asInt());
        assertThat(open(poisoned)).containsEntry("USAGE_DROP", "HIGH");
        assertThat(open(healthy)).doesNotContainKey("USAGE_DROP");
        JsonNode clean = sweep();
        assertThat(clean.get("raised").asInt()).as("a clean run after it changes nothing").isZero();
        assertThat(clean.get("resolved").asInt()).isZero();
    }

    @Test
    void twoNodesSweepingAtOnceLeaveTheSameFlagsAsOne() throws Exception {
        List<Account> slipping = List.of(accountWithUsage("Northgate Trust " + unique(), -22),
                accountWithUsage("Lakeshore Card Services " + unique(), -40),
                accountWithUsage("Elm Street Benefits " + unique(), -15));
        String one = runId(post("/api/health/sweep", TestUsers.MAX, ""));
        String other = runId(post("/api/health/sweep", TestUsers.MAX, ""));
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> work = nodes.invokeAll(List.of(one, other).stream()
                    .map(run -> (Callable<Object>) () -> {
                        runJobsOf(run);
                        return null;
                    }).toList());
            for (Future<Object> finished : work) {
                finished.get();
            }
        } finally {
            nodes.shutdown();
        }
        assertThat(status(one).get("status").asText()).isEqualTo("DONE");
        assertThat(status(other).get("status").asText()).isEqualTo("DONE");
        assertThat(open(slipping.get(0))).containsEntry("USAGE_DROP", "HIGH");
        assertThat(open(slipping.get(1))).containsEntry("USAGE_DROP", "HIGH");
        assertThat(open(slipping.get(2))).containsEntry("USAGE_DROP", "MEDIUM");
        for (Account account : slipping) {
            assertThat(records(account, "USAGE_DROP")).as("raised by one of the nodes only").isEqualTo(1);
        }
        assertThat(jdbc.queryForObject("select count(*) from (select account_id, code from risk_flag "
                + "where resolved_at is null group by account_id, code having count(*) > 1) twice", Integer.class))
                .isZero();
    }

    private JsonNode sweep() throws Exception {
        String runId = runId(post("/api/health/sweep", TestUsers.MAX, ""));
        runJobsOf(runId);
        return status(runId);
    }

    private static String runId(HttpResponse<String> asked) throws Exception {
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
        return JSON.readTree(asked.body()).get("runId").asText();
    }

    private JsonNode status(String runId) throws Exception {
        HttpResponse<String> response = get("/api/health/sweep/" + runId, TestUsers.MAX);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private void runJobsOnce(String runId) {
        for (Job job : management.createJobQuery().processInstanceId(runId).executable().list()) {
            try {
                management.executeJob(job.getId());
            } catch (RuntimeException failed) {
                // the engine counts the job's retries down and runs it again later
            }
        }
    }

    private void runJobsOf(String runId) {
        for (int round = 0; round < 200; round++) {
            if (management.createJobQuery().processInstanceId(runId).executable().count() == 0) {
                return;
            }
            runJobsOnce(runId);
        }
    }

    private Map<String, String> open(Account account) {
        return jdbc.query("select code, severity from risk_flag where account_id = ? and resolved_at is null",
                rows -> {
                    Map<String, String> open = new java.util.HashMap<>();
                    while (rows.next()) {
                        open.put(rows.getString(1), rows.getString(2));
                    }
                    return open;
                }, account.getId());
    }

    private long playbooks(Account account) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(AtRiskPlaybooks.PROCESS_KEY)
                .processInstanceBusinessKey(account.getId()).count();
    }

    private String reason(Account account, String code) {
        return jdbc.queryForObject("select reason from risk_flag where account_id = ? and code = ? "
                + "and resolved_at is null", String.class, account.getId(), code);
    }

    private int records(Account account, String code) {
        return jdbc.queryForObject("select count(*) from risk_flag where account_id = ? and code = ?", Integer.class,
                account.getId(), code);
    }

    private Account accountWithUsage(String name, int usageChangePct) {
        Account account = accounts.createAccount(name, Vertical.INSURANCE, "NORTHEAST", Tier.GROWTH, TestUsers.NED);
        accounts.addContact(account.getId(), "Sam Sponsor", "sam@example.com",
                dev.accountflow.account.ContactRole.EXECUTIVE_SPONSOR, Instant.now().minus(5, ChronoUnit.DAYS));
        signal(account, usageChangePct);
        return account;
    }

    private void signal(Account account, int usageChangePct) {
        accounts.addHealthSignal(account.getId(), Instant.now(), BigDecimal.valueOf(usageChangePct), 0,
                BigDecimal.valueOf(4.5));
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
