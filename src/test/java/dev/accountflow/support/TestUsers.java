package dev.accountflow.support;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;

/**
 * The people of the integration tests, one per role of the team (two account managers so one can try the other's
 * book), created once per database together with any group the database does not have yet.
 */
public final class TestUsers {

    public static final String PASSWORD = "secret-it";
    public static final String IVY = "ivy";
    public static final String NED = "ned";
    public static final String MAX = "max";
    public static final String PRODUCT_MANAGER = "pia";
    public static final String SOLUTION_ENGINEER = "sol";
    public static final String SERVICES = "sid";
    public static final String SUPPORT = "sue";
    public static final String BILLING = "bill";
    public static final String ADMIN = "ada";
    public static final String MONITOR = "mona";

    private TestUsers() {
    }

    public static void ensure(IdentityService identity) {
        ensure(identity, IVY, "account-managers");
        ensure(identity, NED, "account-managers");
        ensure(identity, MAX, "sales-managers");
        ensure(identity, PRODUCT_MANAGER, "product-management");
        ensure(identity, SOLUTION_ENGINEER, "solution-engineering");
        ensure(identity, SERVICES, "services");
        ensure(identity, SUPPORT, "support");
        ensure(identity, BILLING, "billing");
        ensure(identity, ADMIN, "camunda-admin");
        ensure(identity, MONITOR, "monitoring");
    }

    /** A user in a group (created when missing), e.g. the demo book's owners amy and ben for a benchmark. */
    public static void ensure(IdentityService identity, String id, String group) {
        if (identity.createGroupQuery().groupId(group).count() == 0) {
            Group created = identity.newGroup(group);
            created.setName(group);
            created.setType("camunda-admin".equals(group) ? "SYSTEM" : "WORKFLOW");
            identity.saveGroup(created);
        }
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName(id);
            user.setLastName("Tester");
            user.setEmail(id + "@accountflow.test");
            user.setPassword(PASSWORD);
            identity.saveUser(user);
        }
        if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
            identity.createMembership(id, group);
        }
    }
}
