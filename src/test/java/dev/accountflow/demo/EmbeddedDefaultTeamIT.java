package dev.accountflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accountflow.support.EmbeddedDefaultIT;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The whole team is there on first start: every group, support and billing in Tasklist, the admin writing rules. */
class EmbeddedDefaultTeamIT extends EmbeddedDefaultIT {

    @Autowired IdentityService identity;
    @Autowired AuthorizationService authorizations;

    @Test
    void everyGroupExistsAndThoseWithUserTasksOpenTasklist() {
        assertThat(identity.createGroupQuery().list()).extracting(Group::getId).contains("account-managers",
                "sales-managers", "product-management", "solution-engineering", "services", "support", "billing",
                "legal", "rule-developers", "monitoring", "camunda-admin");
        for (String group : List.of("support", "billing", "legal")) {
            assertThat(authorizations.isUserAuthorized("someone-in-" + group, List.of(group), Permissions.ACCESS,
                    Resources.APPLICATION, "tasklist")).as(group).isTrue();
        }
    }

    @Test
    void sueAndBillSignInAndTheAdminAlsoWritesRulesAndReadsMetrics() {
        assertThat(get("/api/notifications", "sue").statusCode()).isEqualTo(200);
        assertThat(get("/api/notifications", "bill").statusCode()).isEqualTo(200);
        assertThat(identity.createGroupQuery().groupMember("sue").singleResult().getId()).isEqualTo("support");
        assertThat(identity.createGroupQuery().groupMember("bill").singleResult().getId()).isEqualTo("billing");
        assertThat(identity.createGroupQuery().groupMember("admin").list()).extracting(Group::getId)
                .contains("camunda-admin", "rule-developers", "monitoring");
    }
}
