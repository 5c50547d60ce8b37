package dev.accountflow.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;

/** A date the rules can reason about: between 1900-01-01 and 2200-12-31 (UTC for instants); null passes. */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlausibleDate.Check.class)
public @interface PlausibleDate {

    LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    LocalDate LATEST = LocalDate.of(2200, 12, 31);

    String message() default "must be between 1 Jan 1900 and 31 Dec 2200";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<PlausibleDate, Temporal> {

        private static final Instant FIRST_INSTANT = EARLIEST.atStartOfDay(ZoneOffset.UTC).toInstant();
        private static final Instant END_INSTANT = LATEST.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();

        @Override
        public boolean isValid(Temporal value, ConstraintValidatorContext context) {
            if (value instanceof LocalDate date) {
                return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
            }
            if (value instanceof Instant instant) {
                return !instant.isBefore(FIRST_INSTANT) && instant.isBefore(END_INSTANT);
            }
            if (value == null) {
                return true;
            }
            throw new IllegalArgumentException("@PlausibleDate does not know " + value.getClass().getSimpleName());
        }
    }
}
