package dev.accountflow.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A task the caller may not see answers 404 to every verb on Camunda's REST APIs, exactly as a task that does not
 * exist: no 403 or 500 ("part of a running process") that would confirm someone else's task is there.
 */
class HiddenTasks extends OncePerRequestFilter {

    private static final Pattern TASK_PATH = Pattern.compile(
            "^/(?:engine-rest|camunda/api/engine)(?:/engine/[^/]+)?/task/([^/]+)(?:/.*)?$");
    private static final Set<String> NOT_TASK_IDS = Set.of("create", "count", "report");

    private final IdentityService identity;
    private final TaskService tasks;
    private final ObjectMapper json = new ObjectMapper();

    HiddenTasks(IdentityService identity, TaskService tasks) {
        this.identity = identity;
        this.tasks = tasks;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher path = TASK_PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if (path.matches() && !NOT_TASK_IDS.contains(path.group(1)) && !visible(path.group(1))) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getWriter(), new EngineRestError("InvalidRequestException",
                    "No matching task with id " + path.group(1)));
            return;
        }
        chain.doFilter(request, response);
    }

    /** The shape of Camunda's REST errors, which Tasklist reads ("No matching task" → "task does not exist"). */
    private record EngineRestError(String type, String message) {
    }

    /** Asks the engine as the signed-in person, so Camunda's authorizations decide, then puts back who was asking. */
    private boolean visible(String taskId) {
        CurrentUser user = CurrentUser.get();
        if (user.userId() == null) {
            return false;
        }
        Authentication before = identity.getCurrentAuthentication();
        identity.setAuthentication(user.userId(), new ArrayList<>(user.groups()));
        try {
            return tasks.createTaskQuery().taskId(taskId).count() > 0;
        } finally {
            if (before == null) {
                identity.clearAuthentication();
            } else {
                identity.setAuthentication(before);
            }
        }
    }
}
