package dev.accountflow.web;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A one-line text field of the API (a name, a product, an e-mail address): trimmed of spaces and invisible characters
 * on the way in; refused, naming the field, when nothing visible is left or when it holds control characters (NUL,
 * ANSI escapes, line breaks, any other C0/C1 character).
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@JacksonAnnotationsInside
@JsonDeserialize(using = PlainTextDeserializer.class)
public @interface PlainText {
}
