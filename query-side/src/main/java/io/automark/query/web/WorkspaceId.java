package io.automark.query.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A workspace id: 1 to 64 lower-case letters, digits or dashes. */
@Pattern(regexp = "[a-z0-9-]{1,64}")
@Constraint(validatedBy = {})
@ReportAsSingleViolation
@Documented
@Target({ElementType.PARAMETER, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
public @interface WorkspaceId {

    String message() default "must be 1 to 64 lower-case letters, digits or dashes";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
