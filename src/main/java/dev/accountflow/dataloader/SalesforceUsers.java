package dev.accountflow.dataloader;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * Who an OwnerId is: an AccountFlow user id, or a Salesforce user Id mapped to one in
 * accountflow.dataloader.salesforce-users. Exports write the Salesforce user Id where the mapping knows one.
 */
@Component
class SalesforceUsers {

    private final Map<String, String> toAccountFlow = new HashMap<>();
    private final Map<String, String> toSalesforce = new HashMap<>();
    private final IdentityService identity;

    SalesforceUsers(DataLoaderProperties properties, IdentityService identity) {
        this.identity = identity;
        properties.salesforceUsers().forEach((salesforceId, userId) -> {
            String id = SalesforceId.normalize(salesforceId.strip());
            if (id == null) {
                throw new IllegalStateException("accountflow.dataloader.salesforce-users: '" + salesforceId
                        + "' is not a Salesforce user Id");
            }
            toAccountFlow.put(id.toUpperCase(Locale.ROOT), userId.strip());
            toSalesforce.putIfAbsent(userId.strip(), id);
        });
    }

    /** Resolves OwnerIds of one file; remembers who exists so 100,000 rows ask the identity service a few times. */
    Lookup lookup() {
        return new Lookup();
    }

    String exported(String userId) {
        return userId == null ? "" : toSalesforce.getOrDefault(userId, userId);
    }

    final class Lookup {
        private final Map<String, Optional<String>> known = new HashMap<>();

        /** The AccountFlow user of an OwnerId, or empty if neither a user nor a mapped Salesforce user. */
        Optional<String> user(String ownerId) {
            return known.computeIfAbsent(ownerId, this::find);
        }

        private Optional<String> find(String ownerId) {
            String salesforce = SalesforceId.normalize(ownerId);
            if (salesforce != null) {
                String mapped = toAccountFlow.get(salesforce.toUpperCase(Locale.ROOT));
                if (mapped != null) {
                    return Optional.of(mapped);
                }
            }
            return identity.createUserQuery().userId(ownerId).count() > 0 ? Optional.of(ownerId) : Optional.empty();
        }
    }
}
