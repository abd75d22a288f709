package io.augur.platform.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.LocalDate;

/**
 * The date, when present, has a four-digit ISO 8601 year: 0001-01-01 to 9999-12-31. Java reads years up
 * to +999999999 and PostgreSQL's date refuses years past 5874897 (SQLSTATE 22008); ISO 8601 needs the
 * parties' agreement for other years, and no model was released outside this range.
 */
@Documented
@Constraint(validatedBy = CalendarDate.Validator.class)
@Target({ FIELD, METHOD, PARAMETER, RECORD_COMPONENT, TYPE_USE })
@Retention(RUNTIME)
public @interface CalendarDate {

    String message() default "must be a date from 0001-01-01 to 9999-12-31";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    LocalDate MIN = LocalDate.of(1, 1, 1);
    LocalDate MAX = LocalDate.of(9999, 12, 31);

    /** Accepts null and any date in [MIN, MAX]. */
    class Validator implements ConstraintValidator<CalendarDate, LocalDate> {
        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return value == null || !value.isBefore(MIN) && !value.isAfter(MAX);
        }
    }
}
