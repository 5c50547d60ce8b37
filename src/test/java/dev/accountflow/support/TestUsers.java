package dev.accountflow.support;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** The people of the integration tests: two account managers and a sales manager, created once per database. */
public final class TestUsers {

    public static final String PASSWORD = "secret-it";
    public static final String IVY = "ivy";
    public static final String NED = "ned";
    public static final String MAX = "max";

    private TestUsers() {
    }

    public static void ensure(IdentityService identity) {
        ensure(identity, IVY, "account-managers");
        ensure(identity, NED, "account-managers");
        ensure(identity, MAX, "sales-managers");
    }

    private static void ensure(IdentityService identity, String id, String group) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName(id);
            user.setLastName("Tester");
            user.setEmail(id + "@accountflow.test");
            user.setPassword(PASSWORD);
            identity.saveUser(user);
            identity.createMembership(id, group);
        }
    }
}
