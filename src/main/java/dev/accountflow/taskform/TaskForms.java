package dev.accountflow.taskform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** The fields a task's deployed Camunda Form lets a person fill in (read-only and disabled fields excluded). */
@Component
class TaskForms {

    private final TaskService tasks;
    private final FormService forms;
    private final ObjectMapper json;
    // a deployed form never changes: one read per task definition of a process version
    private final Map<String, Map<String, JsonNode>> byTaskDefinition = new ConcurrentHashMap<>();

    TaskForms(TaskService tasks, FormService forms, ObjectMapper json) {
        this.tasks = tasks;
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
