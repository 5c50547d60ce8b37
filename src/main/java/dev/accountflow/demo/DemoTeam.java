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
            new Member("priya", "Priya", "Patel", List.of(CurrentUser.PRODUCT_MANAGEMENT)),
            new Member("sam", "Sam", "Santos", List.of(CurrentUser.SOLUTION_ENGINEERING)));

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
            for (String group : member.groups()) {
                if (identity.createUserQuery().userId(member.id()).memberOfGroup(group).count() == 0) {
                    identity.createMembership(member.id(), group);
                }
            }
        }
    }
}
