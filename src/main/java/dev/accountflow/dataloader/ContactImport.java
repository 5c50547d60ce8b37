package dev.accountflow.dataloader;

import dev.accountflow.account.ContactRole;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Contact rows: AccountId, FirstName, LastName, Email, Role__c (the contact's role), LastActivityDate. */
final class ContactImport extends RecordImport<ContactImport.In> {

    private static final String INSERT = "insert into contact (id, sf_id, account_id, name, first_name, last_name, email, role,"
            + " last_engaged_at) values (:id, :sfId, :accountId, :name, :firstName, :lastName, :email,"
            + " :role, :lastEngagedAt)";
    private static final String UPDATE = "update contact set sf_id = :sfId, account_id = :accountId, name = :name,"
            + " first_name = :firstName, last_name = :lastName, email = :email, role = :role,"
            + " last_engaged_at = :lastEngagedAt where id = :id";

    static final Map<String, ContactRole> ROLES = RowReader.labels(ContactRole.class, Map.of(
            "Economic Buyer", ContactRole.DECISION_MAKER, "Economic Decision Maker", ContactRole.DECISION_MAKER,
            "Technical Buyer", ContactRole.TECHNICAL, "Sponsor", ContactRole.EXECUTIVE_SPONSOR));
    static final String ROLE_VALUES = "Executive Sponsor, Champion, Decision Maker, Technical, Procurement";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    static final class In extends Incoming {
        String account;
        String firstName;
        String lastName;
        String email;
        ContactRole role;
        LocalDate lastActivity;
    }

    record Stored(String id, String sfId, String accountId, String name, String firstName, String lastName,
                  String email, ContactRole role, LocalDate lastActivity) implements Existing {
    }

    ContactImport(NamedParameterJdbcTemplate jdbc, Problems problems, int batchSize) {
        super(jdbc, problems, batchSize);
    }

    @Override
    In parse(RowReader row) {
        In in = new In();
        in.account = row.text(Columns.ACCOUNT_ID, 36, true);
        in.firstName = row.text(Columns.FIRST_NAME, 200, false);
        in.lastName = row.text(Columns.LAST_NAME, 200, true);
        in.email = row.text(Columns.EMAIL, 320, false);
        if (in.email != null && !EMAIL.matcher(in.email).matches()) {
            row.problem(Columns.EMAIL, "'" + RowReader.shown(in.email) + "' is not an e-mail address");
        }
        in.role = row.oneOf(Columns.ROLE, ROLES, ROLE_VALUES, true);
        in.lastActivity = row.date(Columns.LAST_ACTIVITY_DATE, false);
        return in;
    }

    static String fullName(String first, String last) {
        return first == null ? last : first + " " + last;
    }

    @Override
    void resolve(List<In> batch, boolean writing) {
        Map<String, AccountRef> accounts = accounts(batch.stream().map(in -> in.account).distinct().toList());
        Map<String, Stored> existing = existing("contact",
                "id, sf_id, account_id, name, first_name, last_name, email, role, last_engaged_at", batch,
                (rs, n) -> {
                    Timestamp engaged = rs.getTimestamp("last_engaged_at");
                    return new Stored(rs.getString("id"), rs.getString("sf_id"), rs.getString("account_id"),
                            rs.getString("name"), rs.getString("first_name"), rs.getString("last_name"),
                            rs.getString("email"), ContactRole.valueOf(rs.getString("role")),
                            engaged == null ? null : engaged.toInstant().atOffset(ZoneOffset.UTC).toLocalDate());
                });
        List<MapSqlParameterSource> inserts = new ArrayList<>();
        List<MapSqlParameterSource> updates = new ArrayList<>();
        for (In in : batch) {
            AccountRef account = account(in, in.account, accounts, Columns.ACCOUNT_ID);
            if (account == null) {
                continue;
            }
            Stored stored = match(in, existing, "contact");
            MapSqlParameterSource values = new MapSqlParameterSource()
                    .addValue("sfId", in.sfId).addValue("accountId", account.id())
                    .addValue("name", fullName(in.firstName, in.lastName)).addValue("firstName", in.firstName)
                    .addValue("lastName", in.lastName).addValue("email", in.email).addValue("role", in.role.name())
                    .addValue("lastEngagedAt", in.lastActivity == null ? null
                            : Timestamp.from(in.lastActivity.atStartOfDay(ZoneOffset.UTC).toInstant()));
            if (stored == null) {
                inserts.add(values.addValue("id", UUID.randomUUID().toString()));
            } else if (same(stored, in, account.id())) {
                unchanged++;
            } else {
                updates.add(values.addValue("id", stored.id())
                        .addValue("sfId", in.sfId != null ? in.sfId : stored.sfId()));
            }
        }
        write(writing, INSERT, inserts, UPDATE, updates);
    }

    /** A contact made in AccountFlow has one name: it exports as LastName and compares the same way. */
    private static boolean same(Stored stored, In in, String accountId) {
        String storedFirst = stored.lastName() == null ? null : stored.firstName();
        String storedLast = stored.lastName() == null ? stored.name() : stored.lastName();
        return stored.accountId().equals(accountId) && Objects.equals(storedFirst, in.firstName)
                && storedLast.equals(in.lastName) && Objects.equals(stored.email(), in.email) && stored.role() == in.role
                && Objects.equals(stored.lastActivity(), in.lastActivity)
                && (in.sfId == null || in.sfId.equals(stored.sfId()));
    }
}
