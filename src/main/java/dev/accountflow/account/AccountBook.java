package dev.accountflow.account;

import dev.accountflow.money.SalesDates;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * My book as the database computes it: the accounts matched, sorted and counted by the figures kept on each
 * account row (ARR and next renewal of its live subscriptions, worst open flag: AccountFigures), through indexes;
 * flag reasons, open opportunities and open tasks are then read for the page's rows only (at most 200), never per
 * account of the whole book.
 */
@Repository
class AccountBook {

    /** Only the filters asked for, so the planner sees plain predicates it can serve from the indexes. */
    private static String from(BookQuery query) {
        return " from account a where 1 = 1"
                + (query.owner() == null ? "" : " and a.owner_id = :owner")
                + (query.namePattern() == null ? "" : " and a.name_key like :name escape '\\'");
    }

    private final NamedParameterJdbcTemplate jdbc;

    AccountBook(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    BookPage page(BookQuery query) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("owner", query.owner())
                .addValue("name", query.namePattern())
                .addValue("size", query.size())
                .addValue("offset", (long) query.page() * query.size());
        Map<String, Object> totals = jdbc.queryForMap("select count(*) as n, sum(a.live_arr) as arr" + from(query),
                params);
        long total = ((Number) totals.get("n")).longValue();
        BigDecimal totalArr = totals.get("arr") == null ? BigDecimal.ZERO : (BigDecimal) totals.get("arr");

        // one direction for the column and its tie-breakers, so the database walks one index forwards or backwards
        String direction = query.descending() ? " desc" : " asc";
        String order = BookQuery.SORTABLE.get(query.sort()) + direction
                + (BookQuery.MAY_BE_BLANK.contains(query.sort()) ? " nulls last" : "")
                + ", a.name_key" + direction + ", a.id" + direction;
        LocalDate today = SalesDates.today();
        List<Object[]> rows = jdbc.query("""
                select a.id, a.name, a.tier, a.vertical, a.territory, a.owner_id, a.live_arr, a.next_renewal
                """ + from(query) + " order by " + order + " limit :size offset :offset",
                params, (rs, i) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getBigDecimal(7), rs.getDate(8)});
        List<String> ids = rows.stream().map(r -> (String) r[0]).toList();
        Map<String, String[]> worstFlags = worstFlags(ids);
        Map<String, Long> opportunities = counts("""
                select account_id, count(*) from opportunity where account_id in (:ids) and closed_at is null
                 group by account_id""", ids);
        Map<String, Long> tasks = counts("""
                select k.account_id, count(*) from (
                  select s.account_id as account_id from act_ru_task t
                    join act_ru_execution e on e.id_ = t.proc_inst_id_
                    join subscription s on s.id = e.business_key_
                   where s.account_id in (:ids)
                  union all
                  select e.business_key_ as account_id from act_ru_task t
                    join act_ru_execution e on e.id_ = t.proc_inst_id_
                   where e.business_key_ in (:ids)) k
                 group by k.account_id""", ids);

        List<BookRow> content = new ArrayList<>();
        for (Object[] r : rows) {
            String id = (String) r[0];
            LocalDate next = r[7] == null ? null : ((Date) r[7]).toLocalDate();
            String[] flag = worstFlags.get(id);
            content.add(new BookRow(id, (String) r[1], Tier.valueOf((String) r[2]), Vertical.valueOf((String) r[3]),
                    (String) r[4], (String) r[5], (BigDecimal) r[6], next,
                    next == null ? null : ChronoUnit.DAYS.between(today, next),
                    flag == null ? null : flag[0], flag == null ? null : flag[1],
                    opportunities.getOrDefault(id, 0L), tasks.getOrDefault(id, 0L)));
        }
        int pages = (int) Math.max(1, (total + query.size() - 1) / query.size());
        return new BookPage(content, total, query.page(), query.size(), pages, totalArr, query.sortParameter());
    }

    /** The worst open flag of each account, with its reason: HIGH before MEDIUM before LOW, then the latest. */
    private Map<String, String[]> worstFlags(List<String> ids) {
        Map<String, String[]> worst = new HashMap<>();
        if (ids.isEmpty()) {
            return worst;
        }
        jdbc.query("""
                select account_id, severity, reason from risk_flag where account_id in (:ids) and resolved_at is null
                 order by account_id, case severity when 'HIGH' then 3 when 'MEDIUM' then 2 else 1 end desc,
                          raised_at desc""", Map.of("ids", ids),
                rs -> {
                    worst.putIfAbsent(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
                });
        return worst;
    }

    private Map<String, Long> counts(String sql, List<String> ids) {
        Map<String, Long> counts = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.query(sql, Map.of("ids", ids), rs -> {
                counts.put(rs.getString(1), rs.getLong(2));
            });
        }
        return counts;
    }
}
