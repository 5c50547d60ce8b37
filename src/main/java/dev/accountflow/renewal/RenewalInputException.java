package dev.accountflow.renewal;

/** A renewal form was completed with values the outcome cannot be written from; the message names the field. */
public class RenewalInputException extends RuntimeException {

    public RenewalInputException(String message) {
        super(message);
    }
}
