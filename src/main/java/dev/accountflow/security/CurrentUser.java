package dev.accountflow.security;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in person as the app's services see them: user id and Camunda group ids. */
public record CurrentUser(String userId, Set<String> groups) {

    public static final String ACCOUNT_MANAGERS = "account-managers";
    public static final String SALES_MANAGERS = "sales-managers";
    public static final String PRODUCT_MANAGEMENT = "product-management";
    public static final String SOLUTION_ENGINEERING = "solution-engineering";
    public static final String SERVICES = "services";
    public static final String ADMINS = "camunda-admin";
    public static final String SUPPORT = "support";
    public static final String BILLING = "billing";
    public static final String LEGAL = "legal";
    public static final String RULE_DEVELOPERS = "rule-developers";
    public static final String MONITORING = "monitoring";

    public static CurrentUser get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            return new CurrentUser(null, Set.of());
        }
        Set<String> groups = auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring(5))
                .collect(Collectors.toUnmodifiableSet());
        return new CurrentUser(auth.getName(), groups);
    }

    public boolean isIn(String group) {
        return groups.contains(group);
    }

    /** Managers, admins and the teams that support every account see the whole book; a rep sees their own accounts. */
    public boolean seesWholeBook() {
        return isIn(SALES_MANAGERS) || isIn(ADMINS) || isIn(PRODUCT_MANAGEMENT) || isIn(SOLUTION_ENGINEERING)
                || isIn(SERVICES);
    }

    public boolean managesPortfolio() {
        return isIn(SALES_MANAGERS) || isIn(ADMINS);
    }
}
