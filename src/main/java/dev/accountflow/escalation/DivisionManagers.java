package dev.accountflow.escalation;

import java.util.Arrays;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The division managers' groups a breached SLA tells (support-managers, services-managers, billing-managers,
 * legal-managers; product's is product-management). Runs at every start and only adds what is missing.
 */
@Component
class DivisionManagers {

    private final IdentityService identity;

    DivisionManagers(IdentityService identity) {
        this.identity = identity;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    public void ensureGroups() {
        Arrays.stream(Division.values()).map(Division::managerGroup).distinct().forEach(id -> {
            if (identity.createGroupQuery().groupId(id).count() == 0) {
                Group group = identity.newGroup(id);
                group.setName("Managers: " + id.replace("-managers", ""));
                group.setType("WORKFLOW");
                identity.saveGroup(group);
            }
        });
    }
}
