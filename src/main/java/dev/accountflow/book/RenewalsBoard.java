package dev.accountflow.book;

import dev.accountflow.money.SalesDates;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every live renewal by end date, with the ARR up for renewal per month: rows and totals come from the database,
 * the step and who it waits on from the engine, for the page's rows only.
 */
@Component
class RenewalsBoard {

    static final int PAGE_SIZE = 50;
    private static final String FROM = """
             from live_renewal lr
             join subscription s on s.id = lr.subscription_id
             join account a on a.id = s.account_id
            where (cast(:owner as varchar(64)) is null or a.owner_id = :owner)
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final TaskService tasks;

    RenewalsBoard(NamedParameterJdbcTemplate jdbc, TaskService tasks) {
        this.jdbc = jdbc;
        this.tasks = tasks;
    }

    record Row(String accountId, String account, String product, String arr, String endsOn, String daysLeft,
               String step, String waitingOn, String taskLink, String risk, String riskCode, String riskReason,
               String owner) {
    }

    record MonthTotal(String month, long renewals, String arr) {
    }

    record Board(List<Row> rows, List<MonthTotal> months, long total, String totalArr, int page, int pages) {
    }

    /** One page of the live renewals of one owner, or of the team when owner is null. */
    @Transactional(readOnly = true)
    Board page(String owner, int page) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("owner", owner)
                .addValue("size", PAGE_SIZE).addValue("offset", (long) page * PAGE_SIZE);
        List<MonthTotal> months = new ArrayList<>();
        long[] total = {0};
        BigDecimal[] totalArr = {BigDecimal.ZERO};
        jdbc.query("""
                select extract(year from s.end_date) as y, extract(month from s.end_date) as m, count(*) as n,
                       sum(s.arr) as arr""" + FROM + """
                 group by extract(year from s.end_date), extract(month from s.end_date)
                 order by extract(year from s.end_date), extract(month from s.end_date)""", params, rs -> {
            BigDecimal arr = rs.getBigDecimal("arr");
            months.add(new MonthTotal(Month.of(rs.getInt("m")).getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " "
                    + rs.getInt("y"), rs.getLong("n"), Shown.money(arr)));
            total[0] += rs.getLong("n");
            totalArr[0] = totalArr[0].add(arr);
        });

        LocalDate today = SalesDates.today();
        List<Object[]> found = jdbc.query("""
                select a.id, a.name, s.product, s.arr, s.end_date, lr.process_instance_id, a.owner_id""" + FROM + """
                 order by s.end_date, a.name_key, s.id limit :size offset :offset""", params, (rs, i) -> new Object[] {
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getDate(5).toLocalDate(),
                rs.getString(6), rs.getString(7)});

        List<String> processIds = found.stream().map(r -> (String) r[5]).filter(java.util.Objects::nonNull).toList();
        Map<String, Task> openTask = new HashMap<>();
        if (!processIds.isEmpty()) {
            tasks.createTaskQuery().processInstanceIdIn(processIds.toArray(String[]::new))
                    .orderByTaskCreateTime().asc().list()
                    .forEach(t -> openTask.putIfAbsent(t.getProcessInstanceId(), t));
        }
        Map<String, String[]> risks = worstFlags(found.stream().map(r -> (String) r[0]).distinct().toList());

        List<Row> rows = new ArrayList<>();
        for (Object[] r : found) {
            LocalDate end = (LocalDate) r[4];
            Task task = r[5] == null ? null : openTask.get((String) r[5]);
            String[] risk = risks.get((String) r[0]);
            rows.add(new Row((String) r[0], (String) r[1], (String) r[2], Shown.money((BigDecimal) r[3]),
                    Shown.date(end), Shown.daysLeft(ChronoUnit.DAYS.between(today, end)),
                    task == null ? "Automated step" : stepOf(task), task == null ? "—" : waitingOn(task),
                    task == null ? null : TasklistLinks.task(task.getId()),
                    risk == null ? "Healthy" : Shown.words(risk[0]), risk == null ? "NONE" : risk[0],
                    risk == null ? "" : risk[1], (String) r[6]));
        }
        int pages = (int) Math.max(1, (total[0] + PAGE_SIZE - 1) / PAGE_SIZE);
        return new Board(rows, months, total[0], Shown.money(totalArr[0]), page, pages);
    }

    // the task's name without the account and product the assignment added
    private static String stepOf(Task task) {
        String name = task.getName() == null ? task.getTaskDefinitionKey() : task.getName();
        int cut = name.indexOf(" for ");
        int of = name.indexOf(" of ");
        int dash = name.indexOf(" — ");
        int at = Math.min(cut < 0 ? Integer.MAX_VALUE : cut, Math.min(of < 0 ? Integer.MAX_VALUE : of,
                dash < 0 ? Integer.MAX_VALUE : dash));
        return at == Integer.MAX_VALUE ? name : name.substring(0, at);
    }

    private String waitingOn(Task task) {
        if (task.getAssignee() != null) {
            return task.getAssignee() + " (rep)";
        }
        List<String> groups = tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(l -> l.getGroupId()).toList();
        if (groups.contains("sales-managers")) {
            return "sales manager approval";
        }
        return groups.isEmpty() ? "nobody yet" : String.join(", ", groups);
    }

    private Map<String, String[]> worstFlags(List<String> accountIds) {
        Map<String, String[]> worst = new HashMap<>();
        if (!accountIds.isEmpty()) {
            jdbc.query("""
                    select account_id, severity, reason from risk_flag where account_id in (:ids) and resolved_at is null
                     order by account_id, case severity when 'HIGH' then 3 when 'MEDIUM' then 2 else 1 end desc,
                              raised_at desc""", Map.of("ids", accountIds),
                    rs -> {
                        worst.putIfAbsent(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
                    });
        }
        return worst;
    }
}
