package dev.accountflow.dataloader;

import dev.accountflow.account.AccountFigures;
import dev.accountflow.web.ApiException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Data Loader files in: all or nothing. One pass reads, checks and writes in batches inside one transaction; any
 * problem anywhere refuses the whole file, names every bad row and field, and rolls back what was written.
 */
@Service
class CsvImport {

    record Result(String kind, long rows, long created, long updated, long unchanged, List<String> ignoredColumns) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final DataLoaderProperties properties;
    private final SalesforceUsers users;
    private final AccountFigures figures;
    private volatile Boolean postgres;

    CsvImport(NamedParameterJdbcTemplate jdbc, DataLoaderProperties properties, SalesforceUsers users,
              AccountFigures figures) {
        this.figures = figures;
        this.jdbc = jdbc;
        this.properties = properties;
        this.users = users;
    }

    @Transactional
    Result importFile(RecordKind kind, InputStream in) {
        if (postgres()) {
            // each batch looks its rows up by id; a plan PostgreSQL cached while the table was small (a sequential
            // scan) would otherwise stay for the whole file while the table grows inside this one transaction
            jdbc.getJdbcTemplate().execute("set local plan_cache_mode = force_custom_plan");
        }
        Problems problems = new Problems();
        RecordImport<?> records = switch (kind) {
            case ACCOUNTS -> new AccountImport(jdbc, problems, properties.batchSize(), users.lookup());
            case CONTACTS -> new ContactImport(jdbc, problems, properties.batchSize());
            case SUBSCRIPTIONS -> new SubscriptionImport(jdbc, problems, properties.batchSize());
            case OPPORTUNITIES -> new OpportunityImport(jdbc, problems, properties.batchSize(), users.lookup());
        };
        long rows = 0;
        List<String> ignored = new ArrayList<>();
        try {
            CsvRows file = new CsvRows(in, properties.maxRecordChars());
            String[] header = file.header();
            if (!checkHeader(kind, header, problems, ignored)) {
                throw refused(kind, problems);
            }
            while (file.hasNext()) {
                CsvRows.Row row = file.next();
                rows++;
                if (row.values().length != header.length) {
                    problems.add("row " + row.number() + ": " + row.values().length + " fields, but the header has "
                            + header.length + " columns");
                    continue;
                }
                records.read(new RowReader(row, problems, properties.maxFieldChars()));
            }
            records.finish();
        } catch (CsvRows.Unreadable unreadable) {
            problems.add(unreadable.getMessage());
        }
        if (rows == 0 && !problems.any()) {
            problems.add("row 1: the file has a header but no rows");
        }
        if (problems.any()) {
            // thrown out of the transaction: what earlier batches wrote is rolled back
            throw refused(kind, problems);
        }
        if (records instanceof SubscriptionImport subscriptions) {
            figures.refresh(subscriptions.changedAccounts);
        }
        return new Result(kind.path, rows, records.created, records.updated, records.unchanged, ignored);
    }

    private boolean postgres() {
        if (postgres == null) {
            postgres = jdbc.getJdbcTemplate().execute((ConnectionCallback<Boolean>) connection ->
                    "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName()));
        }
        return postgres;
    }

    private static boolean checkHeader(RecordKind kind, String[] header, Problems problems, List<String> ignored) {
        Set<String> seen = new HashSet<>();
        Set<String> known = new HashSet<>();
        kind.columns.forEach(c -> known.add(CsvRows.key(c)));
        for (String column : header) {
            String key = CsvRows.key(column);
            if (key.isEmpty()) {
                problems.add("row 1: a column without a name");
            } else if (!seen.add(key)) {
                problems.add("row 1: column " + RowReader.shown(column.strip()) + " is given twice");
            } else if (!known.contains(key)) {
                ignored.add(RowReader.shown(column.strip()));
            }
        }
        for (String required : kind.required) {
            if (!seen.contains(CsvRows.key(required))) {
                problems.add("row 1: column " + required + " is missing (a " + kind.salesforceObject
                        + " file needs " + String.join(", ", kind.required) + ")");
            }
        }
        return !problems.any();
    }

    private static ApiException refused(RecordKind kind, Problems problems) {
        return new ApiException(HttpStatus.BAD_REQUEST, "The " + kind.path + " file was not imported: "
                + problems.count() + (problems.count() == 1 ? " problem" : " problems")
                + "; nothing was written", problems.details());
    }
}
