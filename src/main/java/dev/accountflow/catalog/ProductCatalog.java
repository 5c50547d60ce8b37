package dev.accountflow.catalog;

import dev.accountflow.account.Tier;
import dev.accountflow.account.Vertical;
import dev.accountflow.web.ApiException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The catalog as one list, read in three queries and replaced as a whole: a bad row stores nothing. */
@Service
public class ProductCatalog {

    static final int MAX_PRODUCTS = 500;
    static final int MAX_NAME = 100;
    private static final BigDecimal MAX_ARR = new BigDecimal("1000000000");

    private final JdbcTemplate jdbc;

    ProductCatalog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<Product> all() {
        Map<String, Map<Tier, BigDecimal>> prices = new LinkedHashMap<>();
        jdbc.query("select name, list_arr_strategic, list_arr_enterprise, list_arr_growth from product order by position",
                rs -> {
                    Map<Tier, BigDecimal> arr = new EnumMap<>(Tier.class);
                    arr.put(Tier.STRATEGIC, rs.getBigDecimal(2));
                    arr.put(Tier.ENTERPRISE, rs.getBigDecimal(3));
                    arr.put(Tier.GROWTH, rs.getBigDecimal(4));
                    prices.put(rs.getString(1), arr);
                });
        Map<String, Set<Vertical>> verticals = new LinkedHashMap<>();
        jdbc.query("select product_name, vertical from product_vertical", rs -> {
            verticals.computeIfAbsent(rs.getString(1), n -> EnumSet.noneOf(Vertical.class))
                    .add(Vertical.valueOf(rs.getString(2)));
        });
        Map<String, List<String>> complements = new LinkedHashMap<>();
        jdbc.query("select c.product_name, c.complement_name from product_complement c "
                + "join product p on p.name = c.complement_name order by c.product_name, p.position", rs -> {
            complements.computeIfAbsent(rs.getString(1), n -> new ArrayList<>()).add(rs.getString(2));
        });
        List<Product> products = new ArrayList<>(prices.size());
        prices.forEach((name, arr) -> products.add(new Product(name, verticals.getOrDefault(name, Set.of()), arr,
                complements.getOrDefault(name, List.of()))));
        return products;
    }

    /** Replaces the catalog with these products, in this order, after checking every row. */
    @Transactional
    public List<Product> replace(List<Product> products) {
        check(products);
        // one catalog write at a time: a second PUT waits and then replaces the whole of this one
        jdbc.execute("lock table product in exclusive mode");
        jdbc.update("delete from product_complement");
        jdbc.update("delete from product_vertical");
        jdbc.update("delete from product");
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> fits = new ArrayList<>();
        List<Object[]> pairs = new ArrayList<>();
        for (int i = 0; i < products.size(); i++) {
            Product p = products.get(i);
            rows.add(new Object[] {p.name(), i, p.listArrFor(Tier.STRATEGIC), p.listArrFor(Tier.ENTERPRISE),
                    p.listArrFor(Tier.GROWTH)});
            p.verticals().stream().sorted().forEach(v -> fits.add(new Object[] {p.name(), v.name()}));
            new java.util.LinkedHashSet<>(p.complements()).forEach(c -> pairs.add(new Object[] {p.name(), c}));
        }
        jdbc.batchUpdate("insert into product (name, position, list_arr_strategic, list_arr_enterprise, "
                + "list_arr_growth) values (?, ?, ?, ?, ?)", rows);
        jdbc.batchUpdate("insert into product_vertical (product_name, vertical) values (?, ?)", fits);
        jdbc.batchUpdate("insert into product_complement (product_name, complement_name) values (?, ?)", pairs);
        return all();
    }

    private static void check(List<Product> products) {
        List<String> problems = new ArrayList<>();
        if (products.size() > MAX_PRODUCTS) {
            problems.add("products: at most " + MAX_PRODUCTS + " products");
        }
        Set<String> names = new HashSet<>();
        for (Product p : products) {
            if (p.name() != null) {
                names.add(p.name());
            }
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < products.size(); i++) {
            Product p = products.get(i);
            String row = "products[" + i + "]";
            if (p.name() == null || p.name().isBlank()) {
                problems.add(row + ".name: must not be blank");
            } else if (p.name().length() > MAX_NAME) {
                problems.add(row + ".name: at most " + MAX_NAME + " characters");
            } else if (!p.name().equals(p.name().strip())) {
                problems.add(row + ".name: no leading or trailing spaces");
            } else if (!seen.add(p.name().toLowerCase())) {
                problems.add(row + ".name: " + p.name() + " is listed twice");
            }
            if (p.verticals().isEmpty()) {
                problems.add(row + ".verticals: at least one vertical");
            }
            for (Tier tier : Tier.values()) {
                BigDecimal arr = p.listArr().get(tier);
                String field = row + ".listArr." + tier;
                if (arr == null) {
                    problems.add(field + ": required");
                } else if (arr.signum() < 0 || arr.compareTo(MAX_ARR) >= 0) {
                    problems.add(field + ": from 0 to less than 1,000,000,000");
                } else if (arr.stripTrailingZeros().scale() > 2) {
                    problems.add(field + ": at most 2 decimal places");
                }
            }
            for (String complement : p.complements()) {
                if (!names.contains(complement)) {
                    problems.add(row + ".complements: no product named " + complement + " in the catalog");
                } else if (complement.equals(p.name())) {
                    problems.add(row + ".complements: a product does not complement itself");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("Invalid catalog: " + problems.get(0), problems.toArray(String[]::new));
        }
    }
}
