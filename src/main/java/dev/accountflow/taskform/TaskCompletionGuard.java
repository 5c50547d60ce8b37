package dev.accountflow.taskform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accountflow.money.Money;
import dev.accountflow.security.CurrentUser;
import dev.accountflow.web.ApiError;
import dev.accountflow.web.ApiException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stands in front of the engine's REST APIs (/engine-rest and Tasklist's /camunda/api/engine): completing a task
 * may set only the fields of that task's form, each valid as the form says (amounts are parsed like the server
 * parses them); anything else is refused with 400 naming the variable, and the task stays open. People who do not
 * manage the portfolio cannot write process variables in any other way (variables endpoints, messages, starts).
 */
class TaskCompletionGuard extends OncePerRequestFilter {

    private static final Pattern ENGINE_PATH = Pattern.compile("^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)(/.*)$");
    private static final Pattern COMPLETION = Pattern.compile("^/task/([^/]+)/(complete|submit-form|resolve)$");
    private static final List<Pattern> VARIABLE_WRITES = List.of(
            Pattern.compile("^/(task|process-instance|execution|case-instance|case-execution)/[^/]+/(variables|localVariables)(/.*)?$"),
            Pattern.compile("^/process-instance/[^/]+/modification(-async)?$"),
            Pattern.compile("^/process-instance/variables-async$"),
            Pattern.compile("^/(message|signal)(/.*)?$"),
            Pattern.compile("^/process-definition/.+/(start|submit-form)$"),
            Pattern.compile("^/task/create$"));
    private static final Pattern TASK_UPDATE = Pattern.compile("^/task/[^/]+$");
    private static final Pattern START_FORM = Pattern.compile("^/process-definition/(?:key/([^/]+)|([^/]+))/deployed-start-form$");
    private static final Pattern START = Pattern.compile("^/process-definition/(?:key/([^/]+)|([^/]+))/(start|submit-form)$");

    private final TaskForms forms;
    private final ObjectMapper json;
    private final List<StartFormCheck> startChecks;

    TaskCompletionGuard(TaskForms forms, ObjectMapper json, List<StartFormCheck> startChecks) {
        this.forms = forms;
        this.json = json;
        this.startChecks = startChecks;
    }

    /** The variables' values as the form sent them (text), by name. */
    private Map<String, Object> values(byte[] body) throws IOException {
        Map<String, Object> values = new java.util.HashMap<>();
        JsonNode variables = body.length == 0 ? json.createObjectNode() : json.readTree(body).path("variables");
        variables.fields().forEachRemaining(v -> {
            JsonNode value = v.getValue().path("value");
            values.put(v.getKey(), value.isNull() || value.isMissingNode() ? null : value.asText());
        });
        return values;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher engine = ENGINE_PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if (engine.matches() && "GET".equals(request.getMethod()) && withChoices(engine.group(1), response)) {
            return;
        }
        if (!engine.matches() || "GET".equals(request.getMethod()) || "OPTIONS".equals(request.getMethod())
                || "HEAD".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        String path = engine.group(1);
        Matcher completion = COMPLETION.matcher(path);
        if ("POST".equals(request.getMethod()) && completion.matches()) {
            byte[] body = request.getInputStream().readAllBytes();
            List<String> problems = problems(completion.group(1), body);
            if (!problems.isEmpty()) {
                refuse(response, HttpServletResponse.SC_BAD_REQUEST,
                        "The task was not completed: these values are not on its form or not valid", problems);
                return;
            }
            chain.doFilter(new ReReadable(request, body), response);
            return;
        }
        Matcher start = START.matcher(path);
        CurrentUser user = CurrentUser.get();
        if ("POST".equals(request.getMethod()) && start.matches() && !user.managesPortfolio()
                && forms.mayStart(forms.processKey(start.group(2), start.group(1)), user.userId(), user.groups())) {
            // a start offered to her group in Tasklist: only its start form's fields, each valid as the form says
            byte[] body = request.getInputStream().readAllBytes();
            Optional<TaskForms.FormOfTask> form = forms.startInputsOf(start.group(2), start.group(1));
            List<String> problems = form.isEmpty() ? List.of("body: this process starts only from its form")
                    : problems(form.get(), body);
            if (!problems.isEmpty()) {
                refuse(response, HttpServletResponse.SC_BAD_REQUEST,
                        "The process was not started: these values are not on its start form or not valid", problems);
                return;
            }
            try {
                String key = forms.processKey(start.group(2), start.group(1));
                for (StartFormCheck check : startChecks) {
                    if (check.processKey().equals(key)) {
                        check.check(values(body));
                    }
                }
            } catch (ApiException refused) {
                refuse(response, refused.status().value(), refused.getMessage(), refused.details());
                return;
            }
            chain.doFilter(new ReReadable(request, body), response);
            return;
        }
        boolean writes = VARIABLE_WRITES.stream().anyMatch(p -> p.matcher(path).matches())
                || "PUT".equals(request.getMethod()) && TASK_UPDATE.matcher(path).matches();
        if (writes && !user.managesPortfolio()) {
            refuse(response, HttpServletResponse.SC_FORBIDDEN, "Process data changes only through the task forms",
                    List.of(request.getMethod() + " " + path + ": complete your task with its form instead"));
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * A start form whose selects depend on who opens it (her own accounts): answered here with her entries in place of
     * the form's own, when she may start the process; false leaves the engine to answer.
     */
    private boolean withChoices(String path, HttpServletResponse response) throws IOException {
        Matcher startForm = START_FORM.matcher(path);
        if (!startForm.matches()) {
            return false;
        }
        CurrentUser user = CurrentUser.get();
        String key = forms.processKey(startForm.group(2), startForm.group(1));
        Optional<StartFormCheck> check = startChecks.stream().filter(c -> c.processKey().equals(key)).findFirst();
        if (check.isEmpty() || !forms.mayStart(key, user.userId(), user.groups())) {
            return false;
        }
        Map<String, List<StartFormCheck.Choice>> choices = check.get().choices();
        Optional<JsonNode> form = forms.startForm(startForm.group(2), startForm.group(1));
        if (choices.isEmpty() || form.isEmpty()) {
            return false;
        }
        fill(form.get().path("components"), choices);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setHeader("Cache-Control", "no-store");
        json.writeValue(response.getOutputStream(), form.get());
        return true;
    }

    private void fill(JsonNode components, Map<String, List<StartFormCheck.Choice>> choices) {
        for (JsonNode component : components) {
            List<StartFormCheck.Choice> entries = choices.get(component.path("key").asText(""));
            if (entries != null && component instanceof com.fasterxml.jackson.databind.node.ObjectNode select) {
                select.set("values", json.valueToTree(entries));
            }
            fill(component.path("components"), choices);
        }
    }

    private List<String> problems(String taskId, byte[] body) throws IOException {
        Optional<TaskForms.FormOfTask> form = forms.inputsOf(taskId);
        return form.isEmpty() ? List.of() : problems(form.get(), body);
    }

    private List<String> problems(TaskForms.FormOfTask form, byte[] body) throws IOException {
        JsonNode variables;
        try {
            variables = body.length == 0 ? json.createObjectNode() : json.readTree(body).path("variables");
        } catch (IOException e) {
            return List.of("body: not JSON");
        }
        List<String> problems = new ArrayList<>();
        Map<String, JsonNode> inputs = form.inputs();
        for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> variable = it.next();
            JsonNode field = inputs.get(variable.getKey());
            if (field == null) {
                problems.add(variable.getKey() + ": not a field of the form of '" + form.taskName()
                        + "'; it takes " + String.join(", ", inputs.keySet()));
                continue;
            }
            JsonNode value = variable.getValue().path("value");
            if (!value.isNull() && !value.isMissingNode() && !(value.isTextual() && value.asText().isBlank())) {
                invalid(variable.getKey(), field, value).ifPresent(problems::add);
            }
        }
        return problems;
    }

    private static Optional<String> invalid(String key, JsonNode field, JsonNode value) {
        String text = value.isValueNode() ? value.asText() : value.toString();
        if ("currency".equals(field.path("properties").path("format").asText())) {
            Object typed = value.isNumber() ? value.decimalValue() : text;
            return Money.parse(typed).isPresent() ? Optional.empty() : Optional.of(Money.problem(key, text));
        }
        String pattern = field.path("validate").path("pattern").asText("");
        if (!pattern.isEmpty()) {
            try {
                if (!Pattern.compile(pattern).matcher(text).find()) {
                    return Optional.of(key + ": '" + text + "' does not have the form's format");
                }
            } catch (PatternSyntaxException e) {
                // a pattern only the browser understands is left to the browser
            }
        }
        if ("number".equals(field.path("type").asText())) {
            BigDecimal number;
            try {
                number = new BigDecimal(text.trim());
            } catch (NumberFormatException e) {
                return Optional.of(key + ": '" + text + "' is not a number");
            }
            JsonNode validate = field.path("validate");
            if (validate.has("min") && number.compareTo(validate.get("min").decimalValue()) < 0
                    || validate.has("max") && number.compareTo(validate.get("max").decimalValue()) > 0) {
                return Optional.of(key + ": " + text + " is outside " + validate.path("min").asText("…") + " to "
                        + validate.path("max").asText("…"));
            }
        }
        return Optional.empty();
    }

    private void refuse(HttpServletResponse response, int status, String error, List<String> details)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), new ApiError(error, details));
    }

    /** The request again, its body read once by the guard and given to the engine unchanged. */
    private static final class ReReadable extends HttpServletRequestWrapper {
        private final byte[] body;

        ReReadable(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override public int read() { return in.read(); }
                @Override public int read(byte[] b, int off, int len) { return in.read(b, off, len); }
                @Override public boolean isFinished() { return in.available() == 0; }
                @Override public boolean isReady() { return true; }
                @Override public void setReadListener(ReadListener listener) { throw new UnsupportedOperationException(); }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
