package dev.accountflow.dataloader;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Rows of the team's custom object Subscription__c: Account__c, Product__c, ARR__c, Start_Date__c, End_Date__c.
 * Status__c is exported for reading and ignored on import: renewals set a subscription's status.
 */
final class SubscriptionImport extends RecordImport<SubscriptionImport.In> {

    private static final String INSERT = "insert into subscription (id, sf_id, account_id, product, arr, start_date, end_date,"
            + " status, version) values (:id, :sfId, :accountId, :product, :arr, :startDate, :endDate,"
            + " 'ACTIVE', 0)";
    private static final String UPDATE = "update subscription set sf_id = :sfId, account_id = :accountId, product = :product,"
            + " arr = :arr, start_date = :startDate, end_date = :endDate, version = version + 1"
            + " where id = :id";

    static final class In extends Incoming {
        String account;
        String product;
        BigDecimal arr;
        LocalDate start;
        LocalDate end;
    }

    record Stored(String id, String sfId, String accountId, String product, BigDecimal arr, LocalDate start,
                  LocalDate end) implements Existing {
    }

    /** The accounts whose live ARR or next renewal this file changed (the book's figures are refreshed for them). */
    final Set<String> changedAccounts = new HashSet<>();

    SubscriptionImport(NamedParameterJdbcTemplate jdbc, Problems problems, int batchSize) {
        super(jdbc, problems, batchSize);
    }

    @Override
    In parse(RowReader row) {
        In in = new In();
        in.account = row.text(Columns.SUBSCRIPTION_ACCOUNT, 36, true);
        in.product = row.text(Columns.PRODUCT, 120, true);
        in.arr = row.money(Columns.ARR, false);
        in.start = row.date(Columns.START_DATE, true);
        in.end = row.date(Columns.END_DATE, true);
        if (in.start != null && in.end != null && !in.end.isAfter(in.start)) {
            row.problem(Columns.END_DATE, "must be after " + Columns.START_DATE);
        }
        return in;
    }

    @Override
    void resolve(List<In> batch, boolean writing) {
        Map<String, AccountRef> accounts = accounts(batch.stream().map(in -> in.account).distinct().toList());
        Map<String, Stored> existing = existing("subscription", "id, sf_id, account_id, product, arr, start_date, end_date",
                batch, (rs, n) -> new Stored(rs.getString("id"), rs.getString("sf_id"), rs.getString("account_id"),
                        rs.getString("product"), rs.getBigDecimal("arr"), rs.getDate("start_date").toLocalDate(),
                        rs.getDate("end_date").toLocalDate()));
        List<MapSqlParameterSource> inserts = new ArrayList<>();
        List<MapSqlParameterSource> updates = new ArrayList<>();
        for (In in : batch) {
            AccountRef account = account(in, in.account, accounts, Columns.SUBSCRIPTION_ACCOUNT);
            if (account == null) {
                continue;
            }
            Stored stored = match(in, existing, "subscription");
            MapSqlParameterSource values = new MapSqlParameterSource()
                    .addValue("sfId", in.sfId).addValue("accountId", account.id()).addValue("product", in.product)
                    .addValue("arr", in.arr).addValue("startDate", Date.valueOf(in.start))
                    .addValue("endDate", Date.valueOf(in.end));
            if (stored == null) {
                changedAccounts.add(account.id());
                inserts.add(values.addValue("id", UUID.randomUUID().toString()));
            } else if (stored.accountId().equals(account.id()) && stored.product().equals(in.product)
                    && stored.arr().compareTo(in.arr) == 0 && stored.start().equals(in.start)
                    && stored.end().equals(in.end) && (in.sfId == null || in.sfId.equals(stored.sfId()))) {
                unchanged++;
            } else {
                changedAccounts.add(account.id());
                changedAccounts.add(stored.accountId());
                updates.add(values.addValue("id", stored.id())
                        .addValue("sfId", in.sfId != null ? in.sfId : stored.sfId()));
            }
        }
        write(writing, INSERT, inserts, UPDATE, updates);
    }
}
