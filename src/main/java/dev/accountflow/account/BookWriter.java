package dev.accountflow.account;

import dev.accountflow.web.ApiException;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a slice of a new book at once: accounts with their people, subscriptions and health signals, as batched
 * inserts (no look-up per row), then the account rows' figures in one statement per slice. The demo book at any
 * size goes through here; the slice is one transaction, so a refused slice leaves nothing behind.
 */
@Component
public class BookWriter {

    private final EntityManager entities;
    private final AccountRepository accounts;
    private final AccountFigures figures;

    BookWriter(EntityManager entities, AccountRepository accounts, AccountFigures figures) {
        this.entities = entities;
        this.accounts = accounts;
        this.figures = figures;
    }

    /** A slice of the book: every child names an account of the slice. */
    public record Slice(List<Account> accounts, List<Contact> contacts, List<Subscription> subscriptions,
                        List<HealthSignal> signals) {
    }

    @Transactional
    public void write(Slice slice) {
        List<String> keys = slice.accounts().stream().map(a -> Account.keyOf(a.getName())).toList();
        List<String> taken = accounts.findNameKeysIn(keys);
        if (!taken.isEmpty()) {
            throw ApiException.conflict("An account named '" + taken.get(0) + "' already exists",
                    "name: already taken (names are compared ignoring case and surrounding spaces)");
        }
        slice.accounts().forEach(entities::persist);
        slice.contacts().forEach(entities::persist);
        slice.subscriptions().forEach(entities::persist);
        slice.signals().forEach(entities::persist);
        entities.flush();
        figures.refresh(slice.accounts().stream().map(Account::getId).toList());
        entities.clear();
    }
}
