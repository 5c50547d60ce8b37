package dev.accountflow.dataloader;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * One file of one kind going in: rows are read and checked one by one, then looked up and written a batch at a
 * time. Once any problem is found nothing more is written, but every row is still checked, so the answer lists every
 * problem; the caller's transaction then rolls back what earlier batches wrote.
 */
abstract class RecordImport<R extends RecordImport.Incoming> {

    /** What every incoming row has: where it is in the file and which record it is. */
    abstract static class Incoming {
        long row;
        String shownId;
        String sfId;
        String accountFlowId;
        /** The row's OwnerId, for the kinds that have one. */
        OwnerId owner;
    }

    /** An existing record found for a row: its AccountFlow id and Salesforce Id. */
    interface Existing {
        String id();

        String sfId();
    }

    private static final int ROWS_PER_INSERT = 200;
    private static final Pattern PARAMETER = Pattern.compile(":(\\w+)");

    protected final NamedParameterJdbcTemplate jdbc;
    protected final Problems problems;
    private final int batchSize;
    private final List<R> batch = new ArrayList<>();
    private final Set<String> seenSalesforceIds = new HashSet<>();
    private final Set<String> seenAccountFlowIds = new HashSet<>();
    long created;
    long updated;
    long unchanged;

    RecordImport(NamedParameterJdbcTemplate jdbc, Problems problems, int batchSize) {
        this.jdbc = jdbc;
        this.problems = problems;
        this.batchSize = batchSize;
    }

    final void read(RowReader row) {
        String sfId = row.salesforceId(Columns.ID);
        String accountFlowId = row.text(Columns.ACCOUNTFLOW_ID, 36, false);
        if (sfId == null && accountFlowId == null && !row.bad()) {
            row.problem(Columns.ID, "is required: the record's Salesforce Id (a record made in AccountFlow may give "
                    + Columns.ACCOUNTFLOW_ID + " instead)");
        }
        if (sfId != null && !seenSalesforceIds.add(sfId)) {
            row.problem(Columns.ID, "the file holds this record twice");
        }
        if (accountFlowId != null && !seenAccountFlowIds.add(accountFlowId)) {
            row.problem(Columns.ACCOUNTFLOW_ID, "the file holds this record twice");
        }
        R incoming = parse(row);
        if (row.bad()) {
            // the row goes no further: an OwnerId naming no one is said now, as its other problems are
            if (incoming.owner != null && incoming.owner.user() == null) {
                row.problem(Columns.OWNER_ID, unknownOwner(incoming.owner));
            }
            return;
        }
        incoming.row = row.number();
        incoming.shownId = row.shownId();
        incoming.sfId = sfId;
        incoming.accountFlowId = accountFlowId;
        batch.add(incoming);
        if (batch.size() >= batchSize) {
            flush();
        }
    }

    final void finish() {
        flush();
    }

    private void flush() {
        if (!batch.isEmpty()) {
            resolve(batch, !problems.any());
            batch.clear();
        }
    }

    /** The row's fields, checked; problems are added through the row reader. */
    abstract R parse(RowReader row);

    /** Looks the batch's records and references up, adds what is wrong, and writes the batch if writing is true. */
    abstract void resolve(List<R> batch, boolean writing);

    void problem(Incoming in, String column, String what) {
        problems.add(in.row, in.shownId, column, what);
    }

    /** Existing records of a table matching the batch by Salesforce Id or AccountFlow id. */
    <E extends Existing> Map<String, E> existing(String table, String columns, List<R> batch, RowMapper<E> mapper) {
        List<String> sfIds = batch.stream().map(r -> r.sfId).filter(id -> id != null).toList();
        List<String> ids = batch.stream().map(r -> r.accountFlowId).filter(id -> id != null).toList();
        Map<String, E> found = new HashMap<>();
        if (!sfIds.isEmpty()) {
            jdbc.query("select " + columns + " from " + table + " where sf_id in (:ids)",
                    new MapSqlParameterSource("ids", sfIds), mapper).forEach(e -> found.put("sf:" + e.sfId(), e));
        }
        if (!ids.isEmpty()) {
            jdbc.query("select " + columns + " from " + table + " where id in (:ids)",
                    new MapSqlParameterSource("ids", ids), mapper).forEach(e -> found.put("id:" + e.id(), e));
        }
        return found;
    }

    /**
     * The existing record a row is about: by Salesforce Id first, then by AccountFlow id (a record made in
     * AccountFlow that now comes back from Salesforce gets its Salesforce Id). Null for a new record, or when the row
     * names a record that is not there (a problem then).
     */
    <E extends Existing> E match(R in, Map<String, E> existing, String what) {
        E bySalesforce = in.sfId == null ? null : existing.get("sf:" + in.sfId);
        if (bySalesforce != null) {
            if (in.accountFlowId != null && !in.accountFlowId.equals(bySalesforce.id())) {
                problem(in, Columns.ACCOUNTFLOW_ID, "this Salesforce Id belongs to " + what + " " + bySalesforce.id());
            }
            return bySalesforce;
        }
        if (in.accountFlowId == null) {
            return null;
        }
        E byId = existing.get("id:" + in.accountFlowId);
        if (byId == null) {
            problem(in, Columns.ACCOUNTFLOW_ID, "no " + what + " with this AccountFlow id");
        } else if (byId.sfId() != null && in.sfId != null) {
            problem(in, Columns.ID, what + " " + byId.id() + " already carries Salesforce Id " + byId.sfId());
        }
        return byId;
    }

    /** Accounts the rows refer to (by Salesforce Id or AccountFlow id): key as written → account. */
    Map<String, AccountRef> accounts(Collection<String> references) {
        Map<String, String> bySalesforceId = new HashMap<>();
        List<String> ids = new ArrayList<>();
        for (String reference : references) {
            String sf = SalesforceId.normalize(reference);
            if (sf != null) {
                bySalesforceId.put(sf, reference);
            } else {
                ids.add(reference);
            }
        }
        Map<String, AccountRef> found = new HashMap<>();
        RowMapper<AccountRef> mapper = (rs, n) -> new AccountRef(rs.getString("id"), rs.getString("sf_id"),
                rs.getString("owner_id"));
        if (!bySalesforceId.isEmpty()) {
            jdbc.query("select id, sf_id, owner_id from account where sf_id in (:ids)",
                    new MapSqlParameterSource("ids", bySalesforceId.keySet()), mapper)
                    .forEach(a -> found.put(bySalesforceId.get(a.sfId()), a));
        }
        if (!ids.isEmpty()) {
            jdbc.query("select id, sf_id, owner_id from account where id in (:ids)", new MapSqlParameterSource("ids", ids),
                    mapper).forEach(a -> found.put(a.id(), a));
        }
        return found;
    }

    record AccountRef(String id, String sfId, String ownerId) {
    }

    /** The account a row names in the given column, or null with a problem when there is none. */
    AccountRef account(Incoming in, String reference, Map<String, AccountRef> accounts, String column) {
        AccountRef account = accounts.get(reference);
        if (account == null) {
            problem(in, column, "no account '" + RowReader.shown(reference) + "' (import the accounts first)");
        }
        return account;
    }

    /** Writes a batch's new and changed records, unless a problem was found by now; counts them either way. */
    void write(boolean writing, String insert, List<MapSqlParameterSource> inserts, String update,
               List<MapSqlParameterSource> updates) {
        if (writing && !problems.any()) {
            insertAll(insert, inserts);
            if (!updates.isEmpty()) {
                jdbc.batchUpdate(update, updates.toArray(MapSqlParameterSource[]::new));
            }
        }
        created += inserts.size();
        updated += updates.size();
    }

    /** An OwnerId as written, and the AccountFlow user it names (null when it names none). */
    record OwnerId(String written, String user) {
    }

    static OwnerId ownerId(RowReader row, SalesforceUsers.Lookup owners) {
        String written = row.text(Columns.OWNER_ID, 64, false);
        return written == null ? null : new OwnerId(written, owners.user(written).orElse(null));
    }

    /**
     * The owner a row gives its record: the user its OwnerId names, or the record's present owner written back
     * unchanged (someone who left keeps her records until they are moved). Null, with a problem, for anyone else.
     */
    String owner(Incoming in, OwnerId owner, String presentOwner) {
        if (owner.user() != null) {
            return owner.user();
        }
        if (owner.written().equals(presentOwner)) {
            return presentOwner;
        }
        problem(in, Columns.OWNER_ID, unknownOwner(owner));
        return null;
    }

    private static String unknownOwner(OwnerId owner) {
        return "'" + RowReader.shown(owner.written()) + "' is neither an AccountFlow user nor a mapped Salesforce user"
                + " (accountflow.dataloader.salesforce-users)";
    }

    /**
     * New records as multi-row inserts (insert … values (…), (…), …): one statement per 200 rows instead of one per
     * row, on PostgreSQL and H2 alike.
     */
    private void insertAll(String insert, List<MapSqlParameterSource> rows) {
        int values = insert.indexOf(" values ") + " values ".length();
        String head = insert.substring(0, values);
        String tuple = insert.substring(values);
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            List<MapSqlParameterSource> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
            StringBuilder sql = new StringBuilder(head);
            MapSqlParameterSource parameters = new MapSqlParameterSource();
            for (int i = 0; i < chunk.size(); i++) {
                String suffix = "_" + i;
                sql.append(i == 0 ? "" : ", ").append(PARAMETER.matcher(tuple).replaceAll(":$1" + suffix));
                MapSqlParameterSource row = chunk.get(i);
                for (String name : row.getParameterNames()) {
                    parameters.addValue(name + suffix, row.getValue(name));
                }
            }
            jdbc.update(sql.toString(), parameters);
        }
    }
}
