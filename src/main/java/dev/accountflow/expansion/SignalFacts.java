package dev.accountflow.expansion;

import dev.accountflow.money.SalesDates;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The facts the expansion-signals rules see: one per account and catalog product, for one account or a page of
 * the book, in one statement. Each child table is read once for the page (grouped by account), never per account.
 */
@Component
class SignalFacts {

    static final int PAGE = 500;

    private final JdbcTemplate jdbc;

    SignalFacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Which accounts: one by id, or those after one id up to another (a page of the book in id order). */
    record Accounts(String condition, Object[] params) {

        static Accounts one(String accountId) {
            return new Accounts("= ?", new Object[] {accountId});
        }

        static Accounts range(String afterId, String lastId) {
            return afterId == null ? new Accounts("<= ?", new Object[] {lastId})
                    : new Accounts("> ? and %s <= ?", new Object[] {afterId, lastId});
        }

        String on(String column) {
            return column + " " + condition.formatted(column);
        }
    }

    /** The next page of account ids after {@code afterId} (null: from the first). */
    List<String> accountIdsAfter(String afterId) {
        return afterId == null
                ? jdbc.queryForList("select id from account order by id fetch first " + PAGE + " rows only", String.class)
                : jdbc.queryForList("select id from account where id > ? order by id fetch first " + PAGE
                        + " rows only", String.class, afterId);
    }

    List<ProductSignals> of(Accounts which) {
        LocalDate today = SalesDates.today();
        String sql = FACTS.replace("{account}", which.on("a.id")).replace("{owned}", which.on("s.account_id"))
                .replace("{complement}", which.on("s.account_id")).replace("{signal}", which.on("h.account_id"))
                .replace("{request}", which.on("f.account_id")).replace("{renewal}", which.on("s.account_id"));
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            params.addAll(List.of(which.params()));
        }
        return jdbc.query(sql, (rows, i) -> facts(rows, today), params.toArray());
    }

    private static ProductSignals facts(ResultSet rows, LocalDate today) throws SQLException {
        ProductSignals facts = new ProductSignals();
        facts.setAccountId(rows.getString("id"));
        facts.setAccountName(rows.getString("name"));
        facts.setOwnerId(rows.getString("owner_id"));
        facts.setVertical(rows.getString("vertical"));
        facts.setTier(rows.getString("tier"));
        facts.setProduct(rows.getString("product"));
        facts.setListArr(rows.getBigDecimal("list_arr").doubleValue());
        facts.setFitsVertical(rows.getString("fits") != null);
        BigDecimal owned = rows.getBigDecimal("owned_arr");
        facts.setOwned(owned != null);
        facts.setCurrentArr(owned == null ? 0 : owned.doubleValue());
        facts.setComplementedProduct(rows.getString("complemented"));
        facts.setComplementsOwned(facts.getComplementedProduct() != null);
        BigDecimal usage = rows.getBigDecimal("active_users_change_pct");
        facts.setActiveUsersChangePct(usage == null ? null : usage.doubleValue());
        BigDecimal seats = rows.getBigDecimal("seat_utilization_pct");
        facts.setSeatUtilizationPct(seats == null ? null : seats.doubleValue());
        BigDecimal csat = rows.getBigDecimal("csat");
        facts.setCsat(csat == null ? null : csat.doubleValue());
        facts.setFeatureTitle(rows.getString("feature_title"));
        facts.setShippedDaysAgo(daysAgo(rows.getTimestamp("shipped_at"), today));
        facts.setRenewedDaysAgo(daysAgo(rows.getTimestamp("renewed_at"), today));
        return facts;
    }

    private static Integer daysAgo(Timestamp at, LocalDate today) {
        return at == null ? null : (int) ChronoUnit.DAYS.between(
                at.toInstant().atZone(ZoneOffset.UTC).toLocalDate(), today);
    }

    // "owned": a live subscription (ACTIVE or IN_RENEWAL); a complement is a catalog pair (product → owned product);
    // a renewal "closed RENEWED" is a RENEWED term followed by the running one, recorded when the outcome was written
    private static final String FACTS = """
            select a.id, a.name, a.owner_id, a.vertical, a.tier, p.name as product,
                   case a.tier when 'STRATEGIC' then p.list_arr_strategic when 'ENTERPRISE' then p.list_arr_enterprise
                               else p.list_arr_growth end as list_arr,
                   v.product_name as fits, o.owned_arr, c.complemented,
                   h.active_users_change_pct, h.seat_utilization_pct, h.csat,
                   f.title as feature_title, f.shipped_at, r.renewed_at
              from account a
             cross join product p
              left join product_vertical v on v.product_name = p.name and v.vertical = a.vertical
              left join (select s.account_id, s.product, sum(s.arr) as owned_arr from subscription s
                          where {owned} and s.status in ('ACTIVE', 'IN_RENEWAL')
                          group by s.account_id, s.product) o on o.account_id = a.id and o.product = p.name
              left join (select s.account_id, pc.product_name, min(s.product) as complemented
                           from subscription s join product_complement pc on pc.complement_name = s.product
                          where {complement} and s.status in ('ACTIVE', 'IN_RENEWAL')
                          group by s.account_id, pc.product_name) c on c.account_id = a.id and c.product_name = p.name
              left join (select h.account_id, h.active_users_change_pct, h.seat_utilization_pct, h.csat,
                                row_number() over (partition by h.account_id order by h.recorded_at desc) as latest
                           from health_signal h where {signal}) h on h.account_id = a.id and h.latest = 1
              left join (select f.account_id, f.product, f.title, f.shipped_at,
                                row_number() over (partition by f.account_id, f.product
                                                   order by f.shipped_at desc, f.id) as latest
                           from feature_request f
                          where {request} and f.status = 'SHIPPED' and f.product is not null) f
                     on f.account_id = a.id and f.product = p.name and f.latest = 1
              left join (select s.account_id, s.product, max(t2.recorded_at) as renewed_at
                           from subscription s
                           join subscription_term t1 on t1.subscription_id = s.id and t1.outcome = 'RENEWED'
                           join subscription_term t2 on t2.subscription_id = s.id and t2.start_date > t1.start_date
                          where {renewal} and s.status in ('ACTIVE', 'IN_RENEWAL')
                          group by s.account_id, s.product) r on r.account_id = a.id and r.product = p.name
             where {account}
               -- a product the account neither owns, fits, complements nor asked for has nothing to suggest
               and (v.product_name is not null or o.owned_arr is not null or c.complemented is not null
                    or f.title is not null)
             order by a.id, p.position""";
}
