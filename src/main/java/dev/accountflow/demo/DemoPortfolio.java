package dev.accountflow.demo;

import dev.accountflow.account.Account;
import dev.accountflow.account.AccountService;
import dev.accountflow.account.ContactRole;
import dev.accountflow.account.Tier;
import dev.accountflow.account.Vertical;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A seeded, repeatable book of enterprise accounts in two territories: healthcare, financial services and
 * insurance customers with contacts, subscriptions (a share of them ending inside the renewal window) and health
 * signals (some accounts slipping).
 */
@Component
class DemoPortfolio {

    private static final List<String> PLACES = List.of("Harbor", "Lakeside", "Summit", "Granite", "Riverbend",
            "Beacon", "Keystone", "Liberty", "Patriot", "Hudson", "Chesapeake", "Brandywine", "Cedar", "Northfield",
            "Allegheny", "Pioneer", "Commonwealth", "Bayview", "Ironbridge", "Mapleton");
    private static final Map<Vertical, List<String>> SUFFIXES = Map.of(
            Vertical.HEALTHCARE, List.of("Health System", "Medical Center", "Health Partners", "Children's Hospital"),
            Vertical.FINANCIAL_SERVICES, List.of("Bank", "Credit Union", "Capital", "Trust"),
            Vertical.INSURANCE, List.of("Mutual", "Assurance", "Insurance Group", "Life & Casualty"));
    private static final Map<Vertical, List<String>> PRODUCTS = Map.of(
            Vertical.HEALTHCARE, List.of("Care Coordination Suite", "Patient Engagement Cloud", "Claims Analytics"),
            Vertical.FINANCIAL_SERVICES, List.of("Risk & Compliance Hub", "Client Onboarding Cloud", "Payments Analytics"),
            Vertical.INSURANCE, List.of("Policy Administration Cloud", "Claims Analytics", "Agent Portal"));
    private static final List<String> FIRST = List.of("Alex", "Jordan", "Taylor", "Casey", "Morgan", "Riley",
            "Jamie", "Avery", "Quinn", "Dana", "Robin", "Kendall", "Reese", "Skyler", "Drew", "Elliot");
    private static final List<String> LAST = List.of("Carter", "Nguyen", "Okafor", "Lindqvist", "Rossi", "Kaplan",
            "Haddad", "Moreau", "Silva", "Becker", "Ito", "Walsh", "Novak", "Reyes", "Dubois", "Fischer");
    private static final Map<String, String> TERRITORY_OWNER = Map.of("NORTHEAST", "amy", "MIDATLANTIC", "ben");

    private static final Vertical[] VERTICALS = {Vertical.HEALTHCARE, Vertical.FINANCIAL_SERVICES, Vertical.INSURANCE};
    // place × vertical × suffix: the names repeat after this many accounts, so later rounds carry a number
    private static final int NAMES_PER_ROUND = 240;
    private static final int ACCOUNTS_PER_TRANSACTION = 500;

    private final AccountService accounts;
    private final TransactionTemplate tx;

    DemoPortfolio(AccountService accounts, TransactionTemplate tx) {
        this.accounts = accounts;
        this.tx = tx;
    }

    /**
     * Creates the portfolio once, at any size, in transactions of 500 accounts (a book of 100,000 never sits in one
     * persistence context); returns how many accounts it created (0 when the book is not empty).
     */
    int ensure(int size, long seed, LocalDate today) {
        if (accounts.accountCount() > 0) {
            return 0;
        }
        Random random = new Random(seed);
        String[] territories = {"NORTHEAST", "MIDATLANTIC"};
        for (int from = 0; from < size; from += ACCOUNTS_PER_TRANSACTION) {
            int first = from;
            tx.executeWithoutResult(status -> {
                for (int i = first; i < Math.min(size, first + ACCOUNTS_PER_TRANSACTION); i++) {
                    Vertical vertical = VERTICALS[i % VERTICALS.length];
                    String territory = territories[(i / 3) % territories.length];
                    Tier tier = i % 7 == 0 ? Tier.STRATEGIC : i % 3 == 0 ? Tier.GROWTH : Tier.ENTERPRISE;
                    Account account = accounts.createAccount(name(i), vertical, territory, tier,
                            TERRITORY_OWNER.get(territory));
                    addContacts(account, random, today, i);
                    addSubscriptions(account, random, today, i);
                    addHealthSignal(account, random, today);
                }
            });
        }
        return size;
    }

    /** The i-th account's name: "Harbor Health System", and from the 241st on "Harbor Health System 2", … */
    static String name(int i) {
        Vertical vertical = VERTICALS[i % VERTICALS.length];
        String name = PLACES.get(i % PLACES.size()) + " " + SUFFIXES.get(vertical).get((i / PLACES.size() + i)
                % SUFFIXES.get(vertical).size());
        return i < NAMES_PER_ROUND ? name : name + " " + (i / NAMES_PER_ROUND + 1);
    }

    private void addContacts(Account account, Random random, LocalDate today, int index) {
        String domain = account.getName().toLowerCase().replaceAll("[^a-z]+", "") + ".example";
        // every sixth account has lost its executive sponsor
        List<ContactRole> roles = index % 6 == 5
                ? List.of(ContactRole.CHAMPION, ContactRole.TECHNICAL, ContactRole.PROCUREMENT)
                : List.of(ContactRole.EXECUTIVE_SPONSOR, ContactRole.CHAMPION, ContactRole.DECISION_MAKER,
                        ContactRole.TECHNICAL);
        for (ContactRole role : roles) {
            String first = FIRST.get(random.nextInt(FIRST.size()));
            String last = LAST.get(random.nextInt(LAST.size()));
            int daysAgo = role == ContactRole.EXECUTIVE_SPONSOR ? 5 + random.nextInt(120) : 2 + random.nextInt(40);
            Instant engaged = today.minusDays(daysAgo).atTime(15, 0).toInstant(ZoneOffset.UTC);
            accounts.addContact(account.getId(), first + " " + last,
                    (first.charAt(0) + last).toLowerCase() + "@" + domain, role, engaged);
        }
        // of those, every other one saw its sponsor leave lately (the rest never named one); no draw from the
        // seeded sequence, so every other figure of the book stays as it was
        if (index % 12 == 5) {
            String first = FIRST.get(index % FIRST.size());
            String last = LAST.get((index / FIRST.size()) % LAST.size());
            accounts.addFormerContact(account.getId(), first + " " + last, null, ContactRole.EXECUTIVE_SPONSOR,
                    today.minusDays(40).atTime(15, 0).toInstant(ZoneOffset.UTC),
                    today.minusDays(5 + index % 20).atTime(12, 0).toInstant(ZoneOffset.UTC));
        }
    }

    private void addSubscriptions(Account account, Random random, LocalDate today, int index) {
        List<String> products = PRODUCTS.get(account.getVertical());
        int count = account.getTier() == Tier.STRATEGIC ? 2 : 1;
        for (int p = 0; p < count; p++) {
            // about two in five subscriptions end inside the default 120-day renewal window
            int daysToEnd = random.nextInt(5) < 2 ? 35 + random.nextInt(80) : 130 + random.nextInt(240);
            LocalDate end = today.plusDays(daysToEnd);
            LocalDate start = end.minusYears(1 + random.nextInt(2));
            int base = switch (account.getTier()) {
                case STRATEGIC -> 600_000;
                case ENTERPRISE -> 180_000;
                case GROWTH -> 60_000;
            };
            BigDecimal arr = BigDecimal.valueOf(base + random.nextInt(base)).setScale(-3, RoundingMode.HALF_UP)
                    .setScale(2, RoundingMode.UNNECESSARY);
            accounts.addSubscription(account.getId(), products.get((index + p) % products.size()), arr, start, end);
        }
    }

    private void addHealthSignal(Account account, Random random, LocalDate today) {
        boolean slipping = random.nextInt(4) == 0;
        BigDecimal usage = BigDecimal.valueOf(slipping ? -(12 + random.nextInt(25)) : random.nextInt(30) - 8);
        int escalations = slipping ? 1 + random.nextInt(3) : random.nextInt(2);
        BigDecimal csat = BigDecimal.valueOf(slipping ? 22 + random.nextInt(12) : 34 + random.nextInt(15))
                .divide(BigDecimal.TEN, 1, RoundingMode.HALF_UP);
        accounts.addHealthSignal(account.getId(), today.minus(3, ChronoUnit.DAYS).atStartOfDay()
                .toInstant(ZoneOffset.UTC), usage, escalations, csat);
    }
}
