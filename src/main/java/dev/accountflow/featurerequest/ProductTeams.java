package dev.accountflow.featurerequest;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The product managers' groups the feature-routing table sends reviews to. Runs at every start after the team's
 * access is set up (members of product-management already work in Tasklist) and only adds what is missing.
 */
@Component
class ProductTeams {

    static final Map<String, String> GROUPS = Map.of(
            "pm-commerce", "Product management: commerce",
            "pm-analytics", "Product management: analytics",
            "pm-platform", "Product management: platform",
            "pm-triage", "Product management: triage");

    private final IdentityService identity;

    ProductTeams(IdentityService identity) {
        this.identity = identity;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    public void ensureGroups() {
        GROUPS.forEach((id, name) -> {
            if (identity.createGroupQuery().groupId(id).count() == 0) {
                Group group = identity.newGroup(id);
                group.setName(name);
                group.setType("WORKFLOW");
                identity.saveGroup(group);
            }
        });
    }
}
