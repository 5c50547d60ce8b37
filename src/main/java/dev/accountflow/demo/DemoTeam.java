package dev.accountflow.demo;

import dev.accountflow.security.CurrentUser;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** The demo users of the embedded profile (password "demo"), created once. */
@Component
class DemoTeam {

    static final String PASSWORD = "demo";

    record Member(String id, String firstName, String lastName, List<String> groups) {
    }

    static final List<Member> MEMBERS = List.of(
            new Member("amy", "Amy", "Adams", List.of(CurrentUser.ACCOUNT_MANAGERS)),
            new Member("ben", "Ben", "Brooks", List.of(CurrentUser.ACCOUNT_MANAGERS)),
            new Member("morgan", "Morgan", "Miller", List.of(CurrentUser.SALES_MANAGERS)),
            new Member("priya", "Priya", "Patel", List.of(CurrentUser.PRODUCT_MANAGEMENT, "pm-commerce", "pm-analytics",
                    "pm-platform", "pm-triage")),
            new Member("sam", "Sam", "Santos", List.of(CurrentUser.SOLUTION_ENGINEERING)),
            new Member("sue", "Sue", "Sullivan", List.of(CurrentUser.SUPPORT)),
            new Member("bill", "Bill", "Baker", List.of(CurrentUser.BILLING)),
            // the division managers a breached escalation SLA tells
            new Member("stella", "Stella", "Stone", List.of(CurrentUser.SUPPORT, "support-managers")),
            new Member("bea", "Bea", "Brandt", List.of(CurrentUser.BILLING, "billing-managers")),
            new Member("sid", "Sid", "Sharma", List.of(CurrentUser.SERVICES, "services-managers")),
            new Member("lena", "Lena", "Lowe", List.of(CurrentUser.LEGAL, "legal-managers")));
    /** The webapps' admin (created by Camunda from camunda.bpm.admin-user) also writes rule code and reads metrics. */
    static final String ADMIN = "admin";
    static final List<String> ADMIN_GROUPS = List.of(CurrentUser.ADMINS, CurrentUser.RULE_DEVELOPERS,
            CurrentUser.MONITORING);

    private final IdentityService identity;

    DemoTeam(IdentityService identity) {
        this.identity = identity;
    }

    void ensure() {
        for (Member member : MEMBERS) {
            if (identity.createUserQuery().userId(member.id()).count() == 0) {
                User user = identity.newUser(member.id());
                user.setFirstName(member.firstName());
                user.setLastName(member.lastName());
                user.setEmail(member.id() + "@accountflow.local");
                user.setPassword(PASSWORD);
                identity.saveUser(user);
            }
            ensureMemberships(member.id(), member.groups());
        }
        if (identity.createUserQuery().userId(ADMIN).count() > 0) {
            ensureMemberships(ADMIN, ADMIN_GROUPS);
        }
    }

    private void ensureMemberships(String userId, List<String> groups) {
        for (String group : groups) {
            if (identity.createUserQuery().userId(userId).memberOfGroup(group).count() == 0) {
                identity.createMembership(userId, group);
            }
        }
    }
}
