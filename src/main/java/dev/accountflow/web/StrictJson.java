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
    Module exactEnumNames() {
        SimpleModule module = new SimpleModule("exact-enum-names");
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                              BeanDescription description, JsonDeserializer<?> deserializer) {
                return new ExactEnumName(deserializer);
            }

            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                          JsonDeserializer<?> deserializer) {
                return Temporal.class.isAssignableFrom(description.getBeanClass())
                        ? new IsoDateText(deserializer) : deserializer;
            }
        });
        return module;
    }

    /** Dates are ISO-8601 text: a number would be read as seconds since 1970, and a huge one as 1970 itself. */
    static class IsoDateText extends DelegatingDeserializer {

        IsoDateText(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new IsoDateText(newDelegatee);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_NUMBER_INT) || p.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
                return ctxt.handleUnexpectedToken(handledType(), p);
            }
            return super.deserialize(p, ctxt);
        }
    }

    /** Jackson forgives spaces around an enum name; the API does not, as " GROWTH" is not a tier anyone typed. */
    static class ExactEnumName extends DelegatingDeserializer {

        ExactEnumName(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new ExactEnumName(newDelegatee);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                String name = p.getText();
                if (!name.equals(name.strip()) || name.isEmpty()) {
                    return ctxt.handleWeirdStringValue(handledType(), name, "not an exact name");
                }
            }
            return super.deserialize(p, ctxt);
        }
    }
}
