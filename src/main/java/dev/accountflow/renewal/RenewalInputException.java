package dev.accountflow.renewal;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A renewal form was completed with values the outcome cannot be written from; the message names the field. A bad
 * request to the engine, so Tasklist and /engine-rest answer 400 and the task stays open.
 */
public class RenewalInputException extends BadUserRequestException {

    public RenewalInputException(String message) {
        super(message);
    }
}
