package dev.accountflow.dataloader;

import dev.accountflow.opportunity.ForecastCategory;
import dev.accountflow.opportunity.OpportunityType;
import dev.accountflow.opportunity.Stage;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Opportunity rows: AccountId, Name, Type, StageName, Amount, CloseDate, Probability, ForecastCategoryName, OwnerId.
 * An empty Probability or ForecastCategoryName takes the stage's default; an empty OwnerId, the account's owner.
 */
final class OpportunityImport extends RecordImport<OpportunityImport.In> {

    private static final String INSERT = "insert into opportunity (id, sf_id, account_id, name, type, stage, amount, close_date,"
            + " probability, forecast_category, owner_id, created_at, closed_at, version) values (:id, :sfId,"
            + " :accountId, :name, :type, :stage, :amount, :closeDate, :probability, :category, :ownerId,"
            + " :createdAt, :closedAt, 0)";
    private static final String UPDATE = "update opportunity set sf_id = :sfId, account_id = :accountId, name = :name,"
            + " type = :type, stage = :stage, amount = :amount, close_date = :closeDate,"
            + " probability = :probability, forecast_category = :category, owner_id = :ownerId,"
            + " closed_at = case when :closing then coalesce(closed_at, :now) else null end,"
            + " version = version + 1 where id = :id";

    static final Map<String, Stage> STAGES = RowReader.labels(Stage.class, Map.of(
            "Qualification", Stage.QUALIFY, "Needs Analysis", Stage.DISCOVER, "Proposal/Price Quote", Stage.PROPOSAL,
            "Negotiation/Review", Stage.NEGOTIATION));
    static final String STAGE_VALUES = "Qualify, Discover, Solution Development, Proposal, Negotiation, Closed Won,"
            + " Closed Lost";
    static final Map<String, OpportunityType> TYPES = RowReader.labels(OpportunityType.class, Map.of(
            "New Customer", OpportunityType.NEW_BUSINESS, "Existing Customer - Upgrade", OpportunityType.EXPANSION,
            "Existing Customer - Replacement", OpportunityType.RENEWAL,
            "Existing Customer - Downgrade", OpportunityType.RENEWAL));
    static final Map<String, ForecastCategory> CATEGORIES = RowReader.labels(ForecastCategory.class, Map.of());
    private static final Map<Stage, Integer> PROBABILITY = new EnumMap<>(Map.of(Stage.QUALIFY, 10, Stage.DISCOVER, 20,
            Stage.SOLUTION_DEVELOPMENT, 40, Stage.PROPOSAL, 60, Stage.NEGOTIATION, 80, Stage.CLOSED_WON, 100,
            Stage.CLOSED_LOST, 0));
    private static final Map<Stage, ForecastCategory> CATEGORY = new EnumMap<>(Map.of(
            Stage.QUALIFY, ForecastCategory.PIPELINE, Stage.DISCOVER, ForecastCategory.PIPELINE,
            Stage.SOLUTION_DEVELOPMENT, ForecastCategory.BEST_CASE, Stage.PROPOSAL, ForecastCategory.BEST_CASE,
            Stage.NEGOTIATION, ForecastCategory.COMMIT, Stage.CLOSED_WON, ForecastCategory.CLOSED,
            Stage.CLOSED_LOST, ForecastCategory.OMITTED));

    static final class In extends Incoming {
        String account;
        String name;
        OpportunityType type;
        Stage stage;
        BigDecimal amount;
        LocalDate closeDate;
        Integer probability;
        ForecastCategory category;
    }

    record Stored(String id, String sfId, String accountId, String name, OpportunityType type, Stage stage,
                  BigDecimal amount, LocalDate closeDate, int probability, ForecastCategory category, String ownerId,
                  boolean closed) implements Existing {
    }

    private final SalesforceUsers.Lookup owners;

    OpportunityImport(NamedParameterJdbcTemplate jdbc, Problems problems, int batchSize, SalesforceUsers.Lookup owners) {
        super(jdbc, problems, batchSize);
        this.owners = owners;
    }

    @Override
    In parse(RowReader row) {
        In in = new In();
        in.account = row.text(Columns.ACCOUNT_ID, 36, true);
        in.name = row.text(Columns.NAME, 300, true);
        OpportunityType type = row.oneOf(Columns.TYPE, TYPES, "Renewal, Expansion, New Business", false);
        in.type = type == null ? OpportunityType.NEW_BUSINESS : type;
        in.stage = row.oneOf(Columns.STAGE_NAME, STAGES, STAGE_VALUES, true);
        in.amount = row.money(Columns.AMOUNT, false);
        in.closeDate = row.date(Columns.CLOSE_DATE, true);
        in.probability = row.whole(Columns.PROBABILITY, 0, 100);
        in.category = row.oneOf(Columns.FORECAST_CATEGORY, CATEGORIES, "Pipeline, Best Case, Commit, Closed, Omitted",
                false);
        if (in.stage != null) {
            in.probability = in.probability != null ? in.probability : PROBABILITY.get(in.stage);
            in.category = in.category != null ? in.category : CATEGORY.get(in.stage);
        }
        in.owner = ownerId(row, owners);
        return in;
    }

    @Override
    void resolve(List<In> batch, boolean writing) {
        Map<String, AccountRef> accounts = accounts(batch.stream().map(in -> in.account).distinct().toList());
        Map<String, Stored> existing = existing("opportunity", "id, sf_id, account_id, name, type, stage, amount,"
                + " close_date, probability, forecast_category, owner_id, closed_at", batch,
                (rs, n) -> new Stored(rs.getString("id"), rs.getString("sf_id"), rs.getString("account_id"),
                        rs.getString("name"), OpportunityType.valueOf(rs.getString("type")),
                        Stage.valueOf(rs.getString("stage")), rs.getBigDecimal("amount"),
                        rs.getDate("close_date").toLocalDate(), rs.getInt("probability"),
                        ForecastCategory.valueOf(rs.getString("forecast_category")), rs.getString("owner_id"),
                        rs.getTimestamp("closed_at") != null));
        List<MapSqlParameterSource> inserts = new ArrayList<>();
        List<MapSqlParameterSource> updates = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now());
        for (In in : batch) {
            AccountRef account = account(in, in.account, accounts, Columns.ACCOUNT_ID);
            if (account == null) {
                continue;
            }
            boolean closing = in.stage == Stage.CLOSED_WON || in.stage == Stage.CLOSED_LOST;
            Stored stored = match(in, existing, "opportunity");
            String owner = in.owner == null ? account.ownerId()
                    : owner(in, in.owner, stored == null ? null : stored.ownerId());
            if (in.owner != null && owner == null) {
                continue;
            }
            MapSqlParameterSource values = new MapSqlParameterSource()
                    .addValue("sfId", in.sfId).addValue("accountId", account.id()).addValue("name", in.name)
                    .addValue("type", in.type.name()).addValue("stage", in.stage.name()).addValue("amount", in.amount)
                    .addValue("closeDate", Date.valueOf(in.closeDate)).addValue("probability", in.probability)
                    .addValue("category", in.category.name()).addValue("ownerId", owner);
            if (stored == null) {
                inserts.add(values.addValue("id", UUID.randomUUID().toString()).addValue("createdAt", now)
                        .addValue("closedAt", closing ? now : null));
            } else if (stored.accountId().equals(account.id()) && stored.name().equals(in.name)
                    && stored.type() == in.type && stored.stage() == in.stage
                    && stored.amount().compareTo(in.amount) == 0 && stored.closeDate().equals(in.closeDate)
                    && stored.probability() == in.probability && stored.category() == in.category
                    && Objects.equals(stored.ownerId(), owner) && (in.sfId == null || in.sfId.equals(stored.sfId()))) {
                unchanged++;
            } else {
                updates.add(values.addValue("id", stored.id())
                        .addValue("sfId", in.sfId != null ? in.sfId : stored.sfId())
                        .addValue("closing", closing).addValue("now", now));
            }
        }
        write(writing, INSERT, inserts, UPDATE, updates);
    }
}
