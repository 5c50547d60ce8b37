package dev.accountflow.dataloader;

import dev.accountflow.account.Account;
import dev.accountflow.account.Tier;
import dev.accountflow.account.Vertical;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Account rows: Name, Industry (→ vertical), Territory__c, Tier__c, OwnerId. */
final class AccountImport extends RecordImport<AccountImport.In> {

    private static final String INSERT = "insert into account (id, sf_id, name, name_key, vertical, territory, tier, owner_id,"
            + " created_at, version) values (:id, :sfId, :name, :nameKey, :vertical, :territory, :tier,"
            + " :ownerId, :createdAt, 0)";
    private static final String UPDATE = "update account set sf_id = :sfId, name = :name, name_key = :nameKey,"
            + " vertical = :vertical, territory = :territory, tier = :tier, owner_id = :ownerId,"
            + " version = version + 1 where id = :id";

    static final Map<String, Vertical> INDUSTRIES = RowReader.labels(Vertical.class, Map.of(
            "Health Care", Vertical.HEALTHCARE, "Hospital", Vertical.HEALTHCARE,
            "Finance", Vertical.FINANCIAL_SERVICES, "Banking", Vertical.FINANCIAL_SERVICES));
    static final Map<String, Tier> TIERS = RowReader.labels(Tier.class, Map.of());
    private static final Pattern TERRITORY = Pattern.compile("[A-Za-z_]+");

    static final class In extends Incoming {
        String name;
        Vertical vertical;
        String territory;
        Tier tier;
    }

    record Stored(String id, String sfId, String name, Vertical vertical, String territory, Tier tier, String ownerId)
            implements Existing {
    }

    private final SalesforceUsers.Lookup owners;
    /** Name keys seen in the file so far → row: two rows may not name the same account. */
    private final Map<String, Long> names = new HashMap<>();

    AccountImport(NamedParameterJdbcTemplate jdbc, Problems problems, int batchSize, SalesforceUsers.Lookup owners) {
        super(jdbc, problems, batchSize);
        this.owners = owners;
    }

    @Override
    In parse(RowReader row) {
        In in = new In();
        in.name = row.text(Columns.NAME, 200, true);
        String industry = row.text(Columns.INDUSTRY, 200, false);
        // Salesforce's Industry picklist is longer than AccountFlow's verticals: the rest are OTHER
        in.vertical = industry == null ? Vertical.OTHER
                : INDUSTRIES.getOrDefault(RowReader.label(industry), Vertical.OTHER);
        String territory = row.text(Columns.TERRITORY, 40, true);
        if (territory != null && !TERRITORY.matcher(territory).matches()) {
            row.problem(Columns.TERRITORY, "'" + RowReader.shown(territory) + "': letters and underscores only, e.g. NORTHEAST");
        } else if (territory != null) {
            in.territory = territory.toUpperCase(Locale.ROOT);
        }
        in.tier = row.oneOf(Columns.TIER, TIERS, "Strategic, Enterprise, Growth", true);
        in.owner = ownerId(row, owners);
        if (in.name != null) {
            Long first = names.putIfAbsent(Account.keyOf(in.name), row.number());
            if (first != null) {
                row.problem(Columns.NAME, "'" + RowReader.shown(in.name) + "' is also the name in row " + first
                        + " (names are compared ignoring case)");
            }
        }
        return in;
    }

    @Override
    void resolve(List<In> batch, boolean writing) {
        Map<String, Stored> existing = existing("account", "id, sf_id, name, vertical, territory, tier, owner_id", batch,
                (rs, n) -> new Stored(rs.getString("id"), rs.getString("sf_id"), rs.getString("name"),
                        Vertical.valueOf(rs.getString("vertical")), rs.getString("territory"),
                        Tier.valueOf(rs.getString("tier")), rs.getString("owner_id")));
        Map<String, String> takenNames = new HashMap<>();
        jdbc.query("select id, name_key from account where name_key in (:keys)",
                new MapSqlParameterSource("keys", batch.stream().map(in -> Account.keyOf(in.name)).toList()),
                rs -> {
                    takenNames.put(rs.getString("name_key"), rs.getString("id"));
                });
        List<MapSqlParameterSource> inserts = new ArrayList<>();
        List<MapSqlParameterSource> updates = new ArrayList<>();
        for (In in : batch) {
            Stored stored = match(in, existing, "account");
            String ownerId = in.owner == null ? null : owner(in, in.owner, stored == null ? null : stored.ownerId());
            if (in.owner != null && ownerId == null) {
                continue;
            }
            String taken = takenNames.get(Account.keyOf(in.name));
            if (taken != null && (stored == null || !taken.equals(stored.id()))) {
                problem(in, Columns.NAME, "an account named '" + RowReader.shown(in.name) + "' already exists ("
                        + taken + ")");
                continue;
            }
            MapSqlParameterSource values = new MapSqlParameterSource()
                    .addValue("sfId", in.sfId).addValue("name", in.name).addValue("nameKey", Account.keyOf(in.name))
                    .addValue("vertical", in.vertical.name()).addValue("territory", in.territory)
                    .addValue("tier", in.tier.name()).addValue("ownerId", ownerId);
            if (stored == null) {
                inserts.add(values.addValue("id", UUID.randomUUID().toString())
                        .addValue("createdAt", Timestamp.from(Instant.now())));
            } else if (same(stored, in, ownerId)) {
                unchanged++;
            } else {
                updates.add(values.addValue("id", stored.id())
                        .addValue("sfId", in.sfId != null ? in.sfId : stored.sfId()));
            }
        }
        write(writing, INSERT, inserts, UPDATE, updates);
    }

    private static boolean same(Stored stored, In in, String ownerId) {
        return stored.name().equals(in.name) && stored.vertical() == in.vertical
                && stored.territory().equals(in.territory) && stored.tier() == in.tier
                && Objects.equals(stored.ownerId(), ownerId)
                && (in.sfId == null || in.sfId.equals(stored.sfId()));
    }
}
