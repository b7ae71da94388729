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
import java.util.Base64;

/** Base64 (standard or URL-safe) of exactly 32 bytes; blank passes (pair with {@code @NotBlank}). */
@Documented
@Constraint(validatedBy = EncryptionKey.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface EncryptionKey {
    String message() default "must be 32 random bytes in base64 (44 characters), e.g. the output of `openssl rand -base64 32`";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<EncryptionKey, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || EncryptionKeys.decode(value) != null;
        }
    }

}
