package dev.accountflow.account;

import dev.accountflow.security.CurrentUser;
import dev.accountflow.web.ApiException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The book of accounts: who owns what, who the people are, what they subscribe to, how healthy they look. */
@Service
public class AccountService {

    private final AccountFigures figures;
    private final AccountRepository accounts;
    private final ContactRepository contacts;
    private final SubscriptionRepository subscriptions;
    private final HealthSignalRepository signals;
    private final IdentityService identity;
    private final TouchPointRepository touchPoints;
    private final AccountBook book;

    AccountService(AccountRepository accounts, ContactRepository contacts, SubscriptionRepository subscriptions,
                   HealthSignalRepository signals, IdentityService identity, TouchPointRepository touchPoints,
                   AccountBook book, AccountFigures figures) {
        this.figures = figures;
        this.touchPoints = touchPoints;
        this.book = book;
        this.accounts = accounts;
        this.contacts = contacts;
        this.subscriptions = subscriptions;
        this.signals = signals;
        this.identity = identity;
    }

    @Transactional
    public Account createAccount(String name, Vertical vertical, String territory, Tier tier, String ownerId) {
        if (accounts.existsByNameKey(Account.keyOf(name))) {
            throw ApiException.conflict("An account named '" + name.strip() + "' already exists",
                    "name: already taken (names are compared ignoring case and surrounding spaces)");
        }
        if (ownerId != null && identity.createUserQuery().userId(ownerId).count() == 0) {
            throw ApiException.badRequest("Invalid request: ownerId: no user '" + ownerId + "'",
                    "ownerId: no user '" + ownerId + "'");
        }
        // flushed here so that a create racing this one on the unique name key fails inside this call
        return accounts.saveAndFlush(new Account(name.strip(), vertical, territory.strip().toUpperCase(Locale.ROOT),
                tier, ownerId));
    }

    @Transactional
    public Contact addContact(String accountId, String name, String email, ContactRole role, Instant lastEngagedAt) {
        Account account = requireAccount(accountId);
        return contacts.save(new Contact(account.getId(), name.trim(), email, role, lastEngagedAt));
    }

    @Transactional
    public Subscription addSubscription(String accountId, String product, BigDecimal arr, LocalDate start, LocalDate end) {
        Account account = requireAccount(accountId);
        if (!end.isAfter(start)) {
            throw ApiException.badRequest("Invalid request: endDate: must be after startDate",
                    "endDate: must be after startDate");
        }
        Subscription added = subscriptions.save(new Subscription(account.getId(), product.trim(), arr, start, end));
        figures.refresh(account.getId());
        return added;
    }

    @Transactional
    public HealthSignal addHealthSignal(String accountId, Instant recordedAt, BigDecimal activeUsersChangePct,
                                        Integer openEscalations, BigDecimal csat) {
        return addHealthSignal(accountId, recordedAt, activeUsersChangePct, openEscalations, csat, null);
    }

    @Transactional
    public HealthSignal addHealthSignal(String accountId, Instant recordedAt, BigDecimal activeUsersChangePct,
                                        Integer openEscalations, BigDecimal csat, BigDecimal seatUtilizationPct) {
        Account account = requireAccount(accountId);
        return signals.save(new HealthSignal(account.getId(), recordedAt, activeUsersChangePct, openEscalations, csat,
                seatUtilizationPct));
    }

    /**
     * A touch point with one of the account's people, written by the account's owner or a sales manager; the
     * contact's last engagement moves to it when it is later, which is what the health rules read.
     */
    @Transactional
    public TouchPoint recordTouchPoint(String accountId, String contactId, TouchPointKind kind, Instant occurredAt,
                                       String note) {
        Account account = writableAccount(accountId);
        Contact contact = contacts.findById(contactId).filter(c -> c.getAccountId().equals(account.getId()))
                .orElseThrow(() -> ApiException.badRequest("Invalid request: contactId: no such contact at the account",
                        "contactId: no such contact at the account"));
        contact.engagedAt(occurredAt);
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        return touchPoints.save(new TouchPoint(account.getId(), contact.getId(), kind, occurredAt, cleanNote,
                CurrentUser.get().userId()));
    }

    /**
     * A contact left the customer (written by the account's owner or a sales manager): kept with her history, she no
     * longer counts as a current sponsor or champion. Saying it again keeps the day first given.
     */
    @Transactional
    public Contact contactLeft(String accountId, String contactId, Instant leftAt) {
        Account account = writableAccount(accountId);
        Contact contact = contacts.findById(contactId).filter(c -> c.getAccountId().equals(account.getId()))
                .orElseThrow(() -> ApiException.notFound("Contact " + contactId + " at account " + accountId));
        if (!contact.hasLeft()) {
            contact.left(leftAt);
        }
        return contact;
    }

    /** The latest touch points of an account (at most 50), newest first. */
    @Transactional(readOnly = true)
    public List<TouchPoint> touchPointsOf(String accountId) {
        return touchPoints.findTop50ByAccountIdOrderByOccurredAtDesc(accountId);
    }

    /**
     * One page of the book the signed-in person may see (a rep: her own; managers: everyone's, or one owner's),
     * sorted and counted in the database.
     */
    @Transactional(readOnly = true)
    public BookPage bookPage(BookQuery query) {
        CurrentUser user = CurrentUser.get();
        String owner = user.seesWholeBook() ? query.owner() : (user.userId() == null ? "" : user.userId());
        return book.page(query.withOwner(owner));
    }

    /**
     * The first accounts by name of the signed-in person's own book (a manager's: the whole book), read a page at a
     * time, at most {@code limit}: what a form's pick list of "one of your accounts" offers.
     */
    @Transactional(readOnly = true)
    public List<BookRow> firstAccountsByName(int limit) {
        List<BookRow> mine = new java.util.ArrayList<>();
        for (int page = 0; mine.size() < limit; page++) {
            BookPage found = bookPage(BookQuery.of(page, BookQuery.MAX_SIZE, "name", null, null));
            mine.addAll(found.content());
            if (page + 1 >= found.totalPages()) {
                break;
            }
        }
        return mine.size() > limit ? mine.subList(0, limit) : mine;
    }

    /** The accounts the signed-in person may see: the whole book for managers, their own for a rep. */
    @Transactional(readOnly = true)
    public List<Account> visibleAccounts() {
        CurrentUser user = CurrentUser.get();
        return user.seesWholeBook() ? accounts.findAllByOrderByName() : accounts.findByOwnerIdOrderByName(user.userId());
    }

    /** One account, if the signed-in person may see it; 404 otherwise so ids of other books are not confirmed. */
    @Transactional(readOnly = true)
    public Account visibleAccount(String id) {
        Account account = accounts.findById(id).orElseThrow(() -> ApiException.notFound("Account " + id));
        CurrentUser user = CurrentUser.get();
        if (!user.seesWholeBook() && (user.userId() == null || !user.userId().equals(account.getOwnerId()))) {
            throw ApiException.notFound("Account " + id);
        }
        return account;
    }

    /**
     * What a person typed where a form asks for one of her accounts: an account id stays as it is (the caller's own
     * checks answer for it), the name of an account she may see (any case, surrounding spaces ignored) becomes its
     * id, and anything else is refused naming the field, without saying whether another book holds such a name.
     */
    @Transactional(readOnly = true)
    public String accountIdFor(String field, String idOrName) {
        if (idOrName == null || idOrName.isBlank() || accounts.existsById(idOrName.strip())) {
            return idOrName == null ? null : idOrName.strip();
        }
        CurrentUser user = CurrentUser.get();
        return accounts.findByNameKey(Account.keyOf(idOrName))
                .filter(a -> user.seesWholeBook() || (user.userId() != null && user.userId().equals(a.getOwnerId())))
                .map(Account::getId)
                .orElseThrow(() -> ApiException.badRequest("No such account", field
                        + ": no account in your book is named or numbered '" + shortened(idOrName.strip()) + "'"));
    }

    /**
     * An account the signed-in person may add contacts, subscriptions and signals to: any account for a sales manager,
     * their own for an account manager. Someone who can see the account but not change it gets 403; a rep asking
     * for another rep's account gets 404, as when reading it, so ids of other books are not confirmed.
     */
    @Transactional(readOnly = true)
    public Account writableAccount(String id) {
        CurrentUser user = CurrentUser.get();
        Account account = accounts.findById(id).orElseThrow(() -> ApiException.notFound("Account " + id));
        boolean owner = user.userId() != null && user.userId().equals(account.getOwnerId());
        if (user.isIn(CurrentUser.SALES_MANAGERS) || (owner && user.isIn(CurrentUser.ACCOUNT_MANAGERS))) {
            return account;
        }
        if (user.seesWholeBook() || owner) {
            throw ApiException.forbidden("Only the account's owner and sales managers change account " + id);
        }
        throw ApiException.notFound("Account " + id);
    }

    private static String shortened(String typed) {
        return typed.length() <= 80 ? typed : typed.substring(0, 79) + "…";
    }

    // --- for the other capabilities (no access check: they act for the process engine, not for a person) ---

    @Transactional(readOnly = true)
    public Optional<Account> account(String id) {
        return accounts.findById(id);
    }

    /** The names of these accounts by id, in one query (a page's rows name their accounts). */
    @Transactional(readOnly = true)
    public java.util.Map<String, String> namesOf(java.util.Collection<String> ids) {
        return accounts.findAllById(ids).stream().collect(java.util.stream.Collectors.toMap(Account::getId,
                Account::getName));
    }

    @Transactional(readOnly = true)
    public List<Account> allAccounts() {
        return accounts.findAllByOrderByName();
    }

    @Transactional(readOnly = true)
    public long accountCount() {
        return accounts.count();
    }

    @Transactional(readOnly = true)
    public List<Contact> contactsOf(String accountId) {
        return contacts.findByAccountIdOrderByName(accountId);
    }

    @Transactional(readOnly = true)
    public List<Subscription> subscriptionsOf(String accountId) {
        return subscriptions.findByAccountIdOrderByEndDate(accountId);
    }

    @Transactional(readOnly = true)
    public Optional<Subscription> subscription(String id) {
        return subscriptions.findById(id);
    }

    /** The account a subscription belongs to, if the id is a subscription's. */
    @Transactional(readOnly = true)
    public Optional<String> subscriptionAccountId(String subscriptionId) {
        return subscriptions.findById(subscriptionId).map(Subscription::getAccountId);
    }

    @Transactional(readOnly = true)
    public Optional<HealthSignal> latestHealthSignal(String accountId) {
        return signals.findFirstByAccountIdOrderByRecordedAtDesc(accountId);
    }

    /** The ARR of the accounts' live subscriptions (active or in renewal), summed in the database; each account once. */
    @Transactional(readOnly = true)
    public BigDecimal liveArrOf(java.util.Collection<String> accountIds) {
        if (accountIds.isEmpty()) {
            return BigDecimal.ZERO;
        }
        return subscriptions.sumArrOf(java.util.Set.copyOf(accountIds),
                List.of(SubscriptionStatus.ACTIVE, SubscriptionStatus.IN_RENEWAL));
    }

    /** Each account's live ARR (active or in renewal) in one grouped query; an account without any is left out. */
    @Transactional(readOnly = true)
    public java.util.Map<String, BigDecimal> liveArrByAccount(java.util.Collection<String> accountIds) {
        if (accountIds.isEmpty()) {
            return java.util.Map.of();
        }
        return subscriptions.sumArrByAccount(java.util.Set.copyOf(accountIds),
                        List.of(SubscriptionStatus.ACTIVE, SubscriptionStatus.IN_RENEWAL)).stream()
                .collect(java.util.stream.Collectors.toMap(row -> (String) row[0], row -> (BigDecimal) row[1]));
    }

    /** The accounts by id, in one query. */
    @Transactional(readOnly = true)
    public java.util.Map<String, Account> accountsById(java.util.Collection<String> ids) {
        return accounts.findAllById(ids).stream().collect(java.util.stream.Collectors.toMap(Account::getId, a -> a));
    }

    /** Active subscriptions whose end date falls between the two days (inclusive), soonest first. */
    @Transactional(readOnly = true)
    public List<Subscription> activeSubscriptionsEndingBetween(LocalDate from, LocalDate to) {
        return subscriptions.findByStatusAndEndDateBetweenOrderByEndDate(SubscriptionStatus.ACTIVE, from, to);
    }

    @Transactional
    public void markInRenewal(String subscriptionId) {
        requireSubscription(subscriptionId).enterRenewal();
    }

    private Account requireAccount(String id) {
        return accounts.findById(id).orElseThrow(() -> ApiException.notFound("Account " + id));
    }

    private Subscription requireSubscription(String id) {
        return subscriptions.findById(id).orElseThrow(() -> new IllegalStateException("No subscription " + id));
    }
}
