package dev.accountflow.renewal;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A renewal form was completed with values the outcome cannot be written from; the message names the field. A form
 * field validation failure to the engine, so Tasklist and /engine-rest answer 400 and the task stays open.
 */
public class RenewalInputException extends FormFieldValidationException {

    public RenewalInputException(String message) {
        super(message.contains(":") ? message.substring(0, message.indexOf(':')) : null, message);
    }
}
