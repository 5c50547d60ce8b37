package dev.accountflow.demo;

import dev.accountflow.account.Account;
import dev.accountflow.account.AccountService;
import dev.accountflow.account.BookWriter;
import dev.accountflow.account.Contact;
import dev.accountflow.account.HealthSignal;
import dev.accountflow.account.Subscription;
import dev.accountflow.account.ContactRole;
import dev.accountflow.account.Tier;
import dev.accountflow.account.Vertical;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.stereotype.Component;

/**
 * A seeded, repeatable book of enterprise accounts in two territories: healthcare, financial services and
 * insurance customers with contacts, subscriptions (a share of them ending inside the renewal window) and health
 * signals (some accounts slipping).
 */
@Component
public class DemoPortfolio {

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
    private final BookWriter writer;

    DemoPortfolio(AccountService accounts, BookWriter writer) {
        this.accounts = accounts;
        this.writer = writer;
    }

    /**
     * Creates the portfolio once, at any size, in slices of 500 accounts written as batched inserts (a book of
     * 100,000 never sits in one persistence context, and nothing is looked up per row); returns how many accounts it
     * created (0 when the book is not empty). {@code troublePercent} is the share of accounts the generator lets slip
     * (sponsor silent or gone, usage falling): 100 in the demo, so a small book shows every kind of trouble; about
     * 20 gives a large book the mostly healthy look of a real one.
     */
    public int ensure(int size, long seed, LocalDate today, int troublePercent) {
        if (accounts.accountCount() > 0) {
            return 0;
        }
        Random random = new Random(seed);
        String[] territories = {"NORTHEAST", "MIDATLANTIC"};
        for (int from = 0; from < size; from += ACCOUNTS_PER_TRANSACTION) {
            BookWriter.Slice slice = new BookWriter.Slice(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                    new ArrayList<>());
            for (int i = from; i < Math.min(size, from + ACCOUNTS_PER_TRANSACTION); i++) {
                Vertical vertical = VERTICALS[i % VERTICALS.length];
                String territory = territories[(i / 3) % territories.length];
                Tier tier = i % 7 == 0 ? Tier.STRATEGIC : i % 3 == 0 ? Tier.GROWTH : Tier.ENTERPRISE;
                Account account = new Account(name(i), vertical, territory, tier, TERRITORY_OWNER.get(territory));
                boolean calm = troublePercent < 100 && Math.floorMod(i * 37 + 11, 100) >= troublePercent;
                slice.accounts().add(account);
                addContacts(slice, account, random, today, i, calm);
                addSubscriptions(slice, account, random, today, i);
                addHealthSignal(slice, account, random, today, calm);
            }
            writer.write(slice);
        }
        return size;
    }

    int ensure(int size, long seed, LocalDate today) {
        return ensure(size, seed, today, 100);
    }

    /** The i-th account's name: "Harbor Health System", and from the 241st on "Harbor Health System 2", … */
    static String name(int i) {
        Vertical vertical = VERTICALS[i % VERTICALS.length];
        String name = PLACES.get(i % PLACES.size()) + " " + SUFFIXES.get(vertical).get((i / PLACES.size() + i)
                % SUFFIXES.get(vertical).size());
        return i < NAMES_PER_ROUND ? name : name + " " + (i / NAMES_PER_ROUND + 1);
    }

    private void addContacts(BookWriter.Slice slice, Account account, Random random, LocalDate today, int index,
                             boolean calm) {
        String domain = account.getName().toLowerCase().replaceAll("[^a-z]+", "") + ".example";
        // every sixth account has lost its executive sponsor
        boolean sponsorGone = index % 6 == 5 && !calm;
        List<ContactRole> roles = sponsorGone
                ? List.of(ContactRole.CHAMPION, ContactRole.TECHNICAL, ContactRole.PROCUREMENT)
                : List.of(ContactRole.EXECUTIVE_SPONSOR, ContactRole.CHAMPION, ContactRole.DECISION_MAKER,
                        ContactRole.TECHNICAL);
        for (ContactRole role : roles) {
            String first = FIRST.get(random.nextInt(FIRST.size()));
            String last = LAST.get(random.nextInt(LAST.size()));
            int daysAgo = role == ContactRole.EXECUTIVE_SPONSOR ? 5 + random.nextInt(120) % (calm ? 45 : 120)
                    : 2 + random.nextInt(40);
            Instant engaged = today.minusDays(daysAgo).atTime(15, 0).toInstant(ZoneOffset.UTC);
            slice.contacts().add(new Contact(account.getId(), first + " " + last,
                    (first.charAt(0) + last).toLowerCase() + "@" + domain, role, engaged));
        }
        // of those, every other one saw its sponsor leave lately (the rest never named one); no draw from the
        // seeded sequence, so every other figure of the book stays as it was
        if (sponsorGone && index % 12 == 5) {
            String first = FIRST.get(index % FIRST.size());
            String last = LAST.get((index / FIRST.size()) % LAST.size());
            slice.contacts().add(Contact.former(account.getId(), first + " " + last, null,
                    ContactRole.EXECUTIVE_SPONSOR, today.minusDays(40).atTime(15, 0).toInstant(ZoneOffset.UTC),
                    today.minusDays(5 + index % 20).atTime(12, 0).toInstant(ZoneOffset.UTC)));
        }
    }

    private void addSubscriptions(BookWriter.Slice slice, Account account, Random random, LocalDate today,
                                  int index) {
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
            slice.subscriptions().add(new Subscription(account.getId(), products.get((index + p) % products.size()),
                    arr, start, end));
        }
    }

    private void addHealthSignal(BookWriter.Slice slice, Account account, Random random, LocalDate today,
                                 boolean calm) {
        boolean slipping = random.nextInt(4) == 0 && !calm;
        BigDecimal usage = BigDecimal.valueOf(slipping ? -(12 + random.nextInt(25)) : random.nextInt(30) - 8);
        int escalations = slipping ? 1 + random.nextInt(3) : random.nextInt(2);
        BigDecimal csat = BigDecimal.valueOf(slipping ? 22 + random.nextInt(12) : 34 + random.nextInt(15))
                .divide(BigDecimal.TEN, 1, RoundingMode.HALF_UP);
        slice.signals().add(new HealthSignal(account.getId(), today.minus(3, ChronoUnit.DAYS).atStartOfDay()
                .toInstant(ZoneOffset.UTC), usage, escalations, csat));
    }
}
