package io.teamsbridge.config;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;

/** An absolute http(s) URL with a host; null passes (pair with {@code @NotNull} where required). */
@Documented
@Constraint(validatedBy = AbsoluteHttpUrl.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface AbsoluteHttpUrl {
    String message() default "must be an absolute http or https URL such as https://host.example.com";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<AbsoluteHttpUrl, URI> {
        @Override
        public boolean isValid(URI value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            String scheme = value.getScheme();
            return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
                    && value.getHost() != null
                    && value.getRawQuery() == null
                    && value.getRawFragment() == null;
        }
    }
}
