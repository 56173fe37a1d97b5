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

/**
 * The id of a campaign, execution, component or audience. Ids are opaque, but every id the service hands out is
 * 1 to 128 URL-safe characters; anything else cannot name a stored object and is refused as malformed.
 */
@Pattern(regexp = "[A-Za-z0-9._~:-]{1,128}")
@Constraint(validatedBy = {})
@ReportAsSingleViolation
@Documented
@Target({ElementType.PARAMETER, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ResourceId {

    String message() default "must be 1 to 128 letters, digits or the characters . _ ~ : -";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
