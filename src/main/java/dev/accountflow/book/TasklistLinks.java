package dev.accountflow.book;

/** Where a task opens in Camunda Tasklist. */
final class TasklistLinks {

    private TasklistLinks() {
    }

    static String task(String taskId) {
        return "/camunda/app/tasklist/default/#/?task=" + taskId;
    }
}
