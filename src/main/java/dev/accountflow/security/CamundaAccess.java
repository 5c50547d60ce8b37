package dev.accountflow.security;

import static dev.accountflow.security.CurrentUser.ACCOUNT_MANAGERS;
import static dev.accountflow.security.CurrentUser.BILLING;
import static dev.accountflow.security.CurrentUser.LEGAL;
import static dev.accountflow.security.CurrentUser.MONITORING;
import static dev.accountflow.security.CurrentUser.PRODUCT_MANAGEMENT;
import static dev.accountflow.security.CurrentUser.RULE_DEVELOPERS;
import static dev.accountflow.security.CurrentUser.SALES_MANAGERS;
import static dev.accountflow.security.CurrentUser.SERVICES;
import static dev.accountflow.security.CurrentUser.SOLUTION_ENGINEERING;
import static dev.accountflow.security.CurrentUser.SUPPORT;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The team's groups, what each may see in the Camunda webapps, and the Tasklist filters everyone starts with.
 * Runs at every start, in every profile, and only adds what is missing.
 */
@Component
public class CamundaAccess {

    /** Groups that do user tasks, so work in Tasklist. */
    static final List<String> WORK_GROUPS = List.of(ACCOUNT_MANAGERS, SALES_MANAGERS, PRODUCT_MANAGEMENT,
            SOLUTION_ENGINEERING, SERVICES, SUPPORT, BILLING, LEGAL);
    /** Groups whose work is outside Tasklist: rules in the app, metrics from the actuator. */
    static final List<String> OTHER_GROUPS = List.of(RULE_DEVELOPERS, MONITORING);
    private static final Map<String, String> GROUP_NAMES = Map.of(
            ACCOUNT_MANAGERS, "Account managers",
            SALES_MANAGERS, "Sales managers",
            PRODUCT_MANAGEMENT, "Product management",
            SOLUTION_ENGINEERING, "Solution engineering",
            SERVICES, "Services",
            SUPPORT, "Support",
            BILLING, "Billing",
            LEGAL, "Legal",
            RULE_DEVELOPERS, "Rule developers",
            MONITORING, "Monitoring");

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;

    CamundaAccess(IdentityService identity, AuthorizationService authorizations, FilterService filters,
                  TaskService tasks) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    public void ensureAccess() {
        WORK_GROUPS.forEach(this::ensureGroup);
        OTHER_GROUPS.forEach(this::ensureGroup);
        for (String group : WORK_GROUPS) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(group, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
            grant(group, Resources.DEPLOYMENT, "*", Permissions.READ);
        }
        // Tasklist's "Start process" offers account managers the new-opportunity, feature-request and escalation forms, nothing else
        grant(ACCOUNT_MANAGERS, Resources.PROCESS_DEFINITION, "opportunity-request", Permissions.CREATE_INSTANCE);
        grant(ACCOUNT_MANAGERS, Resources.PROCESS_DEFINITION, "feature-request-intake", Permissions.CREATE_INSTANCE);
        grant(ACCOUNT_MANAGERS, Resources.PROCESS_DEFINITION, "customer-escalation-intake", Permissions.CREATE_INSTANCE);
        grant(ACCOUNT_MANAGERS, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
        grant(SALES_MANAGERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(SALES_MANAGERS, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ_TASK);
        grant(SALES_MANAGERS, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ_INSTANCE);
        grant(SALES_MANAGERS, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ_HISTORY);
        grant(SALES_MANAGERS, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
        grant(SALES_MANAGERS, Resources.TASK, "*", Permissions.READ);

        Filter mine = ensureFilter("My tasks", "Tasks assigned to me", -10,
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        Filter groups = ensureFilter("My group's tasks", "Unclaimed tasks offered to my groups", -5,
                tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}"));
        Filter all = ensureFilter("All open tasks", "Every open task of the team", 0, tasks.createTaskQuery());
        for (String group : WORK_GROUPS) {
            grant(group, Resources.FILTER, mine.getId(), Permissions.READ);
            grant(group, Resources.FILTER, groups.getId(), Permissions.READ);
        }
        grant(SALES_MANAGERS, Resources.FILTER, all.getId(), Permissions.READ);
    }

    private void ensureGroup(String id) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(GROUP_NAMES.get(id));
            group.setType("WORKFLOW");
            identity.saveGroup(group);
        }
    }

    private Filter ensureFilter(String name, String description, int priority, TaskQuery query) {
        Filter existing = filters.createTaskFilterQuery().filterName(name).singleResult();
        if (existing != null) {
            return existing;
        }
        Filter filter = filters.newTaskFilter(name).setQuery(query).setProperties(
                Map.of("description", description, "priority", priority, "refresh", true));
        return filters.saveFilter(filter);
    }

    private void grant(String group, Resource resource, String resourceId, Permission permission) {
        Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(group)
                .resourceType(resource).resourceId(resourceId).singleResult();
        if (existing != null) {
            if (!existing.isPermissionGranted(permission)) {
                existing.addPermission(permission);
                authorizations.saveAuthorization(existing);
            }
            return;
        }
        Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setGroupId(group);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        authorization.addPermission(permission);
        authorizations.saveAuthorization(authorization);
    }
}
