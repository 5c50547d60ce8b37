package dev.accountflow.expansion;

import dev.accountflow.account.AccountPage;
import dev.accountflow.account.AccountPages;
import dev.accountflow.account.AccountRange;
import dev.accountflow.money.SalesDates;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The facts the expansion-signals rules see: one per account and catalog product, for one account or a page of
 * the book. Each child table is read once for the page in one range scan by account id (never per account) and the
 * facts are put together here: the database is asked for rows, not for sorting and grouping a cross join.
 */
@Component
class SignalFacts {

    static final int PAGE = 500;

    private final JdbcTemplate jdbc;
    private final AccountPages pages;

    SignalFacts(JdbcTemplate jdbc, AccountPages pages) {
        this.jdbc = jdbc;
        this.pages = pages;
    }

    /** The next page of account ids after {@code afterId} (null: from the first). */
    List<String> accountIdsAfter(String afterId) {
        return afterId == null
                ? jdbc.queryForList("select id from account order by id fetch first " + PAGE + " rows only", String.class)
                : jdbc.queryForList("select id from account where id > ? order by id fetch first " + PAGE
                        + " rows only", String.class, afterId);
    }

    List<ProductSignals> of(AccountRange which) {
        return of(pages.read(which));
    }

    /**
     * The facts of a page read once for the whole sweep (accounts, live subscriptions, latest signals) with what
     * only the signals read: the catalog, shipped requests and renewals.
     */
    List<ProductSignals> of(AccountPage read) {
        if (read.isEmpty()) {
            return List.of();
        }
        AccountRange which = read.range();
        LocalDate today = SalesDates.today();
        Catalog catalog = catalog();
        Map<String, Page> page = new LinkedHashMap<>();
        for (AccountPage.Row row : read.accounts()) {
            Page account = new Page(row, read.signal(row.id()));
            // live subscriptions (ACTIVE or IN_RENEWAL): what the account owns, and so which products complement it
            read.subscriptions(row.id()).forEach(s -> account.owned.merge(s.product(), s.arr(), BigDecimal::add));
            page.put(row.id(), account);
        }
        // per product, the latest shipped request (the earlier id on a tie)
        jdbc.query("select f.account_id, f.product, f.title, f.shipped_at, f.id from feature_request f where "
                + which.on("f.account_id") + " and f.status = 'SHIPPED' and f.product is not null", rows -> {
                    Page account = page.get(rows.getString(1));
                    if (account != null) {
                        Shipped shipped = new Shipped(rows.getString(3), rows.getTimestamp(4), rows.getString(5));
                        account.shipped.merge(rows.getString(2), shipped, Shipped::later);
                    }
                }, which.params());
        // a renewal "closed RENEWED" is a RENEWED term followed by the running one, recorded when the outcome was written
        jdbc.query("""
                select s.account_id, s.product, max(t2.recorded_at)
                  from subscription s
                  join subscription_term t1 on t1.subscription_id = s.id and t1.outcome = 'RENEWED'
                  join subscription_term t2 on t2.subscription_id = s.id and t2.start_date > t1.start_date
                 where {renewal} and s.status in ('ACTIVE', 'IN_RENEWAL')
                 group by s.account_id, s.product""".replace("{renewal}", which.on("s.account_id")), rows -> {
                    Page account = page.get(rows.getString(1));
                    if (account != null) {
                        account.renewedAt.put(rows.getString(2), rows.getTimestamp(3));
                    }
                }, which.params());
        List<ProductSignals> facts = new ArrayList<>();
        for (Page account : page.values()) {
            account.facts(catalog, today, facts);
        }
        return facts;
    }

    /** The catalog, read whole for each page: a few dozen rows. */
    private Catalog catalog() {
        List<Product> products = jdbc.query("select name, list_arr_strategic, list_arr_enterprise, list_arr_growth "
                + "from product order by position, name", (rows, i) -> new Product(rows.getString(1),
                rows.getBigDecimal(2), rows.getBigDecimal(3), rows.getBigDecimal(4)));
        Map<String, Set<String>> fits = new HashMap<>();
        jdbc.query("select product_name, vertical from product_vertical", rows -> {
            fits.computeIfAbsent(rows.getString(2), v -> new HashSet<>()).add(rows.getString(1));
        });
        Map<String, List<String>> complementedBy = new HashMap<>();
        jdbc.query("select product_name, complement_name from product_complement", rows -> {
            complementedBy.computeIfAbsent(rows.getString(1), k -> new ArrayList<>()).add(rows.getString(2));
        });
        return new Catalog(products, fits, complementedBy);
    }

    private record Product(String name, BigDecimal strategic, BigDecimal enterprise, BigDecimal growth) {

        BigDecimal listArr(String tier) {
            return tier == null ? growth : switch (tier) {
                case "STRATEGIC" -> strategic;
                case "ENTERPRISE" -> enterprise;
                default -> growth;
            };
        }
    }

    /** Products in catalog order, the products that fit each vertical, and what each product complements. */
    private record Catalog(List<Product> products, Map<String, Set<String>> fits,
                           Map<String, List<String>> complementedBy) {

        Set<String> fitting(String vertical) {
            return vertical == null ? Set.of() : fits.getOrDefault(vertical, Set.of());
        }
    }

    private record Shipped(String title, Timestamp at, String id) {

        static Shipped later(Shipped a, Shipped b) {
            int byTime = a.at == null || b.at == null ? (a.at == null ? (b.at == null ? 0 : 1) : -1)
                    : a.at.compareTo(b.at);
            return byTime > 0 || (byTime == 0 && a.id.compareTo(b.id) <= 0) ? a : b;
        }
    }

    /** One account of the page with what its children say, gathered from the page's scans. */
    private static final class Page {

        final AccountPage.Row row;
        final AccountPage.LatestSignal signal;
        final Map<String, BigDecimal> owned = new HashMap<>();
        final Map<String, Shipped> shipped = new HashMap<>();
        final Map<String, Timestamp> renewedAt = new HashMap<>();

        Page(AccountPage.Row row, AccountPage.LatestSignal signal) {
            this.row = row;
            this.signal = signal;
        }

        // one fact per catalog product the account owns, fits, complements or asked for; nothing to suggest otherwise
        void facts(Catalog catalog, LocalDate today, List<ProductSignals> out) {
            Set<String> fitting = catalog.fitting(row.vertical());
            for (Product product : catalog.products()) {
                boolean fits = fitting.contains(product.name());
                BigDecimal ownedArr = owned.get(product.name());
                String complemented = null;
                for (String complement : catalog.complementedBy().getOrDefault(product.name(), List.of())) {
                    if (owned.containsKey(complement) && (complemented == null || complement.compareTo(complemented) < 0)) {
                        complemented = complement;
                    }
                }
                Shipped request = shipped.get(product.name());
                if (!fits && ownedArr == null && complemented == null && request == null) {
                    continue;
                }
                ProductSignals facts = new ProductSignals();
                facts.setAccountId(row.id());
                facts.setAccountName(row.name());
                facts.setOwnerId(row.ownerId());
                facts.setVertical(row.vertical());
                facts.setTier(row.tier());
                facts.setProduct(product.name());
                facts.setListArr(product.listArr(row.tier()).doubleValue());
                facts.setFitsVertical(fits);
                facts.setOwned(ownedArr != null);
                facts.setCurrentArr(ownedArr == null ? 0 : ownedArr.doubleValue());
                facts.setComplementedProduct(complemented);
                facts.setComplementsOwned(complemented != null);
                facts.setActiveUsersChangePct(signal == null || signal.activeUsersChangePct() == null ? null
                        : signal.activeUsersChangePct().doubleValue());
                facts.setSeatUtilizationPct(signal == null || signal.seatUtilizationPct() == null ? null
                        : signal.seatUtilizationPct().doubleValue());
                facts.setCsat(signal == null || signal.csat() == null ? null : signal.csat().doubleValue());
                facts.setFeatureTitle(request == null ? null : request.title());
                facts.setShippedDaysAgo(request == null ? null : daysAgo(request.at(), today));
                facts.setRenewedDaysAgo(daysAgo(renewedAt.get(product.name()), today));
                out.add(facts);
            }
        }
    }

    private static Integer daysAgo(Timestamp at, LocalDate today) {
        return at == null ? null : (int) ChronoUnit.DAYS.between(
                at.toInstant().atZone(ZoneOffset.UTC).toLocalDate(), today);
    }
}
