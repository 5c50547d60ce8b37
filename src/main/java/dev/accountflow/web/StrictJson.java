package dev.accountflow.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.temporal.Temporal;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON is read strictly, so a request means one thing only: no key given twice, nothing after the document, enums by
 * their exact name (no numbers, no spaces around), whole numbers where whole numbers are asked for, dates as text.
 */
@Configuration
class StrictJson {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictJsonReading() {
        return builder -> builder
                .featuresToEnable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature(),
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .featuresToDisable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }

    @Bean
    Module strictValues() {
        SimpleModule module = new SimpleModule("strict-values");
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                              BeanDescription description, JsonDeserializer<?> deserializer) {
                return new Refusing(deserializer, ENUM_NAME_NOT_EXACT);
            }

            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                          JsonDeserializer<?> deserializer) {
                return Temporal.class.isAssignableFrom(description.getBeanClass())
                        ? new Refusing(deserializer, DATE_AS_NUMBER) : deserializer;
            }
        });
        return module;
    }

    /** What a field refuses before Jackson's usual reading of it. */
    @FunctionalInterface
    interface Refusal {
        boolean refuses(JsonParser p) throws IOException;
    }

    // Jackson forgives spaces around an enum name; the API does not, as " GROWTH" is not a tier anyone typed
    static final Refusal ENUM_NAME_NOT_EXACT = p -> p.hasToken(JsonToken.VALUE_STRING)
            && (p.getText().isEmpty() || !p.getText().equals(p.getText().strip()));
    // dates are ISO-8601 text: a number would be read as seconds since 1970, and a huge one as 1970 itself
    static final Refusal DATE_AS_NUMBER = p -> p.hasToken(JsonToken.VALUE_NUMBER_INT)
            || p.hasToken(JsonToken.VALUE_NUMBER_FLOAT);

    static class Refusing extends DelegatingDeserializer {

        private final Refusal refusal;

        Refusing(JsonDeserializer<?> delegate, Refusal refusal) {
            super(delegate);
            this.refusal = refusal;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new Refusing(newDelegatee, refusal);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (refusal.refuses(p)) {
                return p.hasToken(JsonToken.VALUE_STRING)
                        ? ctxt.handleWeirdStringValue(handledType(), p.getText(), "not an exact name")
                        : ctxt.handleUnexpectedToken(handledType(), p);
            }
            return super.deserialize(p, ctxt);
        }
    }
}
