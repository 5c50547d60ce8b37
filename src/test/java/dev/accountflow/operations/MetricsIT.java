package dev.accountflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accountflow.account.Account;
import dev.accountflow.account.AccountService;
import dev.accountflow.account.Tier;
import dev.accountflow.account.Vertical;
import dev.accountflow.support.PostgresIT;
import dev.accountflow.support.TestUsers;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;

/** What an operator's Prometheus reads: the sales process's figures move with the work, and only monitoring sees them. */
@AutoConfigureObservability  // Boot's tests leave metric exporters off unless asked; this one reads what production serves
class MetricsIT extends PostgresIT {

    @Autowired AccountService accounts;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;
    @Autowired BookMetrics bookMetrics;

    @Autowired dev.accountflow.rules.RuleBook ruleBook;

    @BeforeEach
    void people() {
        TestUsers.ensure(identity);
    }

    @Test
    void onlyTheMonitoringGroupReadsTheMetrics() throws Exception {
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        for (String user : List.of(TestUsers.IVY, TestUsers.MAX, TestUsers.ADMIN)) {
            HttpResponse<String> refused = get("/actuator/prometheus", user);
            assertThat(refused.statusCode()).as(user).isEqualTo(403);
            assertThat(refused.body()).as(user).contains("\"error\":\"Not allowed for your role\"");
        }
        HttpResponse<String> monitor = get("/actuator/prometheus", TestUsers.MONITOR);
        assertThat(monitor.statusCode()).as(monitor.body()).isEqualTo(200);
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
    }

    @Test
    void aKickoffMovesTheRenewalRuleAndTaskFigures() throws Exception {
        double startedBefore = value(scrape(), "accountflow_renewals_started_total");
        double healthDecisionsBefore = value(scrape(), "accountflow_rule_decisions_seconds_count{ruleSet=\"health\"");
        Account account = accounts.createAccount("Metrics Mutual " + UUID.randomUUID().toString().substring(0, 6),
                Vertical.INSURANCE, "NORTHEAST", Tier.GROWTH, TestUsers.NED);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        accounts.addSubscription(account.getId(), "Claims Analytics", BigDecimal.valueOf(40_000), today.minusYears(1),
                today.plusDays(40));

        String run = runtime.startProcessInstanceByMessage("RenewalKickoffAsked").getId();
        for (int round = 0; round < 50; round++) {
            List<Job> jobs = management.createJobQuery().processInstanceId(run).executable().list();
            if (jobs.isEmpty()) {
                break;
            }
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
        bookMetrics.refresh();

        String after = scrape();
        assertThat(value(after, "accountflow_renewals_started_total")).isGreaterThanOrEqualTo(startedBefore + 1);
        assertThat(value(after, "accountflow_rule_decisions_seconds_count{ruleSet=\"health\""))
                .isGreaterThan(healthDecisionsBefore);
        assertThat(value(after, "accountflow_tasks_open{age=\"under_1d\",process=\"renewal\"")).isGreaterThanOrEqualTo(1);
        assertThat(after).contains("accountflow_runs_last_duration_seconds{process=\"renewal-kickoff\"}");
        assertThat(after).contains("accountflow_jobs{state=\"failed\"}");
    }

    @Test
    void failedSignInsAreCounted() throws Exception {
        double before = value(scrape(), "accountflow_logins_failed_total");
        HttpResponse<String> wrong = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/accounts"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        "nobody-here:wrong".getBytes())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(value(scrape(), "accountflow_logins_failed_total")).isEqualTo(before + 1);
    }

    @Test
    void theGrafanaDashboardReadsMetricsTheAppExposes() throws Exception {
        // a decision in force, as a renewal quote makes one: the decision timer shows from the first decision on
        ruleBook.checkDiscount(new dev.accountflow.rules.DiscountFacts("RENEWAL", "ENTERPRISE", 100_000, 5));
        assertThat(get("/api/rule-sets", TestUsers.IVY).statusCode()).isEqualTo(200);
        bookMetrics.refresh();
        String scrape = scrape();
        String dashboard = java.nio.file.Files.readString(java.nio.file.Path.of("ops/grafana/accountflow-dashboard.json"));
        Matcher names = Pattern.compile("\\b((?:accountflow|camunda|http_server)_[a-z_]+?)(?:_count|_sum|_max)?\\{")
                .matcher(dashboard);
        java.util.Set<String> metrics = new java.util.TreeSet<>();
        while (names.find()) {
            metrics.add(names.group(1));
        }
        assertThat(metrics).contains("accountflow_renewals_started_total", "accountflow_renewals_closed_total",
                "accountflow_rule_decisions_seconds", "accountflow_outbox_notifications", "accountflow_tasks_open",
                "accountflow_jobs", "accountflow_runs_last_duration_seconds", "accountflow_logins_failed_total",
                "camunda_engine_events_total");
        // a last run's duration exists once a run has finished, open tasks once a task is open
        // (aKickoffMovesTheRenewalRuleAndTaskFigures checks both)
        assertThat(metrics).filteredOn(metric -> !metric.equals("accountflow_runs_last_duration_seconds")
                        && !metric.equals("accountflow_tasks_open"))
                .allSatisfy(metric -> assertThat(scrape).as("the scrape has " + metric)
                        .containsPattern("(?m)^# TYPE " + Pattern.quote(metric) + " "));
        assertThat(scrape).contains("accountflow_renewals_closed_total{outcome=\"CHURNED\"}");
    }

    private String scrape() {
        HttpResponse<String> page = get("/actuator/prometheus", TestUsers.MONITOR);
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body();
    }

    /** The sample that starts with this name (and labels, if given); 0 when absent. */
    private static double value(String scrape, String sample) {
        Matcher line = Pattern.compile("^" + Pattern.quote(sample) + "[^\\n]* ([0-9.eE+-]+)$", Pattern.MULTILINE)
                .matcher(scrape);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }
}
