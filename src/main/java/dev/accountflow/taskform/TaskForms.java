package dev.accountflow.taskform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** The fields a task's deployed Camunda Form lets a person fill in (read-only and disabled fields excluded). */
@Component
class TaskForms {

    private final TaskService tasks;
    private final FormService forms;
    private final RepositoryService repository;
    private final AuthorizationService authorizations;
    private final ObjectMapper json;
    // a deployed form never changes: one read per task definition of a process version
    private final Map<String, Map<String, JsonNode>> byTaskDefinition = new ConcurrentHashMap<>();

    TaskForms(TaskService tasks, FormService forms, RepositoryService repository, AuthorizationService authorizations,
              ObjectMapper json) {
        this.tasks = tasks;
        this.repository = repository;
        this.authorizations = authorizations;
        this.forms = forms;
        this.json = json;
    }

    record FormOfTask(String taskName, Map<String, JsonNode> inputs) {
    }

    /** Empty when the task does not exist (the engine answers for it) or has no Camunda Form. */
    Optional<FormOfTask> inputsOf(String taskId) {
        Task task = tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
        if (task == null || task.getCamundaFormRef() == null) {
            return Optional.empty();
        }
        Map<String, JsonNode> inputs = byTaskDefinition.computeIfAbsent(
                task.getProcessDefinitionId() + "/" + task.getTaskDefinitionKey(), key -> read(taskId));
        return Optional.of(new FormOfTask(task.getName(), inputs));
    }

    /**
     * The fields of a process's start form, by definition id or (latest version of) key; empty when there is no such
     * process or it has no Camunda start form.
     */
    Optional<FormOfTask> startInputsOf(String definitionId, String definitionKey) {
        Optional<ProcessDefinition> found = definition(definitionId, definitionKey);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ProcessDefinition definition = found.get();
        try {
            Map<String, JsonNode> inputs = byTaskDefinition.computeIfAbsent(definition.getId() + "/start", key -> {
                Map<String, JsonNode> collected = new LinkedHashMap<>();
                collect(readStartForm(definition).path("components"), collected);
                return collected;
            });
            return Optional.of(new FormOfTask(definition.getName() == null ? definition.getKey()
                    : definition.getName(), inputs));
        } catch (ProcessEngineException noDeployedForm) {
            return Optional.empty();
        }
    }

    /** The deployed Camunda start form of a process as Tasklist reads it; empty when there is none. */
    Optional<JsonNode> startForm(String definitionId, String definitionKey) {
        try {
            return definition(definitionId, definitionKey).map(this::readStartForm);
        } catch (ProcessEngineException noDeployedForm) {
            return Optional.empty();
        }
    }

    private Optional<ProcessDefinition> definition(String definitionId, String definitionKey) {
        var query = repository.createProcessDefinitionQuery();
        return Optional.ofNullable((definitionId != null ? query.processDefinitionId(definitionId)
                : query.processDefinitionKey(definitionKey).latestVersion().withoutTenantId()).singleResult());
    }

    private JsonNode readStartForm(ProcessDefinition definition) {
        try (InputStream form = forms.getDeployedStartForm(definition.getId())) {
            return json.readTree(form);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the start form of " + definition.getId(), e);
        }
    }

    /** Whether Camunda's authorizations let the person start instances of the process (Tasklist's "Start process"). */
    boolean mayStart(String processKey, String userId, java.util.Collection<String> groups) {
        return processKey != null && userId != null && authorizations.isUserAuthorized(userId, List.copyOf(groups),
                Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, processKey);
    }

    /** The process key of a definition id or key as a start path names it; null when no such process exists. */
    String processKey(String definitionId, String definitionKey) {
        if (definitionKey != null) {
            return definitionKey;
        }
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionId(definitionId)
                .singleResult();
        return definition == null ? null : definition.getKey();
    }

    private Map<String, JsonNode> read(String taskId) {
        try (InputStream form = forms.getDeployedTaskForm(taskId)) {
            Map<String, JsonNode> inputs = new LinkedHashMap<>();
            collect(json.readTree(form).path("components"), inputs);
            return inputs;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the form of task " + taskId, e);
        }
    }

    private static void collect(JsonNode components, Map<String, JsonNode> inputs) {
        for (JsonNode component : components) {
            String key = component.path("key").asText("");
            if (!key.isEmpty() && !component.path("disabled").asBoolean() && !component.path("readonly").asBoolean()) {
                inputs.put(key, component);
            }
            collect(component.path("components"), inputs);
        }
    }
}
