package dev.accountflow.account;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

@Entity
public class Account {

    @Id
    private String id;
    private String name;
    // lower-cased, trimmed name under a unique index: two accounts never differ by case or spaces only
    private String nameKey;
    @Enumerated(EnumType.STRING)
    private Vertical vertical;
    private String territory;
    @Enumerated(EnumType.STRING)
    private Tier tier;
    private String ownerId;
    private Instant createdAt;
    @Version
    private long version;

    protected Account() {
    }

    public Account(String name, Vertical vertical, String territory, Tier tier, String ownerId) {
        this.id = UUID.randomUUID().toString();
        this.name = name;
        this.nameKey = keyOf(name);
        this.vertical = vertical;
        this.territory = territory;
        this.tier = tier;
        this.ownerId = ownerId;
        this.createdAt = Instant.now();
    }

    /** The name as the unique index compares it. */
    public static String keyOf(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    public String getId() { return id; }
    public String getName() { return name; }
    public Vertical getVertical() { return vertical; }
    public String getTerritory() { return territory; }
    public Tier getTier() { return tier; }
    public String getOwnerId() { return ownerId; }
    public Instant getCreatedAt() { return createdAt; }
}
