package dev.accountflow.renewal;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Reads what a form submitted, whatever type it came as. */
final class ProcessVariables {

    private ProcessVariables() {
    }

    static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }
}
