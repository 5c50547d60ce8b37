package dev.accountflow.renewal;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Reads process variables whatever type a form or API submitted them as. */
final class ProcessVariables {

    private ProcessVariables() {
    }

    static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    static Double number(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null || value instanceof String s && s.isBlank()) {
            return null;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.valueOf(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new RenewalInputException(name + ": '" + value + "' is not a number");
        }
    }
}
