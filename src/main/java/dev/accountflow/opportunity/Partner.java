package dev.accountflow.opportunity;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.UUID;

/** A channel partner (reseller or integrator) an account manager can call in on a deal. */
@Entity
public class Partner {

    @Id
    private String id;
    private String name;
    private String kind;
    private String contactEmail;

    protected Partner() {
    }

    Partner(String name, String kind, String contactEmail) {
        this.id = UUID.randomUUID().toString();
        this.name = name;
        this.kind = kind;
        this.contactEmail = contactEmail;
    }

    public String getId() { return id; }
    public String getName() { return name; }
    public String getKind() { return kind; }
    public String getContactEmail() { return contactEmail; }
}
