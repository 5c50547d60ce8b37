package dev.accountflow.dataloader;

import dev.accountflow.account.ContactRole;
import dev.accountflow.account.Tier;
import dev.accountflow.account.Vertical;
import dev.accountflow.opportunity.ForecastCategory;
import dev.accountflow.opportunity.OpportunityType;
import dev.accountflow.opportunity.Stage;
import dev.accountflow.security.CurrentUser;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Data Loader files out, streamed from a database cursor row by row: every field quoted and CRLF line ends as Data
 * Loader writes them, the Salesforce Id where known and the AccountFlow id beside it, so the file can be upserted.
 * A rep gets her own book; managers and the teams that see the whole book get all of it.
 */
@Service
class CsvExport {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final SalesforceUsers users;

    CsvExport(DataSource dataSource, PlatformTransactionManager transactions, SalesforceUsers users) {
        this.jdbc = new JdbcTemplate(dataSource);
        // PostgreSQL streams through a cursor only inside a transaction and with a fetch size
        this.jdbc.setFetchSize(1000);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.users = users;
    }

    void export(RecordKind kind, CurrentUser user, OutputStream out) throws IOException {
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8),
                64 * 1024);
        CSVPrinter csv = new CSVPrinter(writer, CsvRows.FORMAT.builder().setQuoteMode(QuoteMode.ALL)
                .setRecordSeparator("\r\n").get());
        csv.printRecord(kind.columns);
        boolean wholeBook = user.seesWholeBook();
        String book = wholeBook ? "" : " where a.owner_id = ?";
        Object[] args = wholeBook ? new Object[0] : new Object[] {user.userId()};
        String sql = switch (kind) {
            case ACCOUNTS -> "select a.id, a.sf_id, a.name, a.vertical, a.territory, a.tier, a.owner_id from account a"
                    + book + " order by a.name_key";
            case CONTACTS -> "select c.id, c.sf_id, a.id as account_id, a.sf_id as account_sf_id, c.name, c.first_name,"
                    + " c.last_name, c.email, c.role, c.last_engaged_at from contact c join account a on a.id = c.account_id"
                    + book + " order by a.name_key, c.name, c.id";
            case SUBSCRIPTIONS -> "select s.id, s.sf_id, a.id as account_id, a.sf_id as account_sf_id, s.product, s.arr,"
                    + " s.start_date, s.end_date, s.status from subscription s join account a on a.id = s.account_id"
                    + book + " order by a.name_key, s.end_date, s.id";
            case OPPORTUNITIES -> "select o.id, o.sf_id, a.id as account_id, a.sf_id as account_sf_id, o.name, o.type,"
                    + " o.stage, o.amount, o.close_date, o.probability, o.forecast_category, o.owner_id from opportunity o"
                    + " join account a on a.id = o.account_id" + book + " order by o.close_date, o.id";
        };
        readOnly.executeWithoutResult(status -> jdbc.query(sql, rs -> {
            try {
                csv.printRecord(fields(kind, rs));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, args));
        csv.flush();
    }

    private List<Object> fields(RecordKind kind, ResultSet rs) throws SQLException {
        List<Object> f = new ArrayList<>();
        f.add(text(rs.getString("sf_id")));
        f.add(rs.getString("id"));
        switch (kind) {
            case ACCOUNTS -> {
                f.add(rs.getString("name"));
                f.add(RowReader.picklist(Vertical.valueOf(rs.getString("vertical"))));
                f.add(rs.getString("territory"));
                f.add(RowReader.picklist(Tier.valueOf(rs.getString("tier"))));
                f.add(users.exported(rs.getString("owner_id")));
            }
            case CONTACTS -> {
                f.add(account(rs));
                String last = rs.getString("last_name");
                f.add(last == null ? "" : text(rs.getString("first_name")));
                f.add(last == null ? rs.getString("name") : last);
                f.add(text(rs.getString("email")));
                f.add(RowReader.picklist(ContactRole.valueOf(rs.getString("role"))));
                Timestamp engaged = rs.getTimestamp("last_engaged_at");
                f.add(engaged == null ? "" : engaged.toInstant().atOffset(ZoneOffset.UTC).toLocalDate().toString());
            }
            case SUBSCRIPTIONS -> {
                f.add(account(rs));
                f.add(rs.getString("product"));
                f.add(money(rs.getBigDecimal("arr")));
                f.add(date(rs.getDate("start_date")));
                f.add(date(rs.getDate("end_date")));
                f.add(RowReader.picklist(dev.accountflow.account.SubscriptionStatus.valueOf(rs.getString("status"))));
            }
            case OPPORTUNITIES -> {
                f.add(account(rs));
                f.add(rs.getString("name"));
                f.add(RowReader.picklist(OpportunityType.valueOf(rs.getString("type"))));
                f.add(RowReader.picklist(Stage.valueOf(rs.getString("stage"))));
                f.add(money(rs.getBigDecimal("amount")));
                f.add(date(rs.getDate("close_date")));
                f.add(rs.getInt("probability"));
                f.add(RowReader.picklist(ForecastCategory.valueOf(rs.getString("forecast_category"))));
                f.add(users.exported(rs.getString("owner_id")));
            }
        }
        return f;
    }

    /** The account as Salesforce knows it where it does, else its AccountFlow id (the import takes either). */
    private static String account(ResultSet rs) throws SQLException {
        String sfId = rs.getString("account_sf_id");
        return sfId != null ? sfId : rs.getString("account_id");
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String money(BigDecimal value) {
        return value.setScale(2).toPlainString();
    }

    private static String date(Date value) {
        return value.toLocalDate().toString();
    }
}
