package dev.accountflow.escalation;

/** The parts of the company an account manager escalates to; each has a manager who hears of a breached SLA. */
public enum Division {
    SUPPORT("support", "support-managers"),
    SERVICES("services", "services-managers"),
    BILLING("billing", "billing-managers"),
    LEGAL("legal", "legal-managers"),
    PRODUCT("pm-triage", "product-management");

    private final String group;
    private final String managerGroup;

    Division(String group, String managerGroup) {
        this.group = group;
        this.managerGroup = managerGroup;
    }

    /** The group that answers when the routing table names none. */
    String group() {
        return group;
    }

    /** The division manager's group: told when an SLA is breached. */
    String managerGroup() {
        return managerGroup;
    }
}
