package io.prepline.platform.problem;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * No text read from JSON may contain a NUL character (U+0000): PostgreSQL cannot store one, and a request carrying
 * one got a 500 from the database instead of a 400 naming the field. The request URI's NUL is refused by
 * {@link MalformedUris}.
 */
@Singleton
public class NulFreeText implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("nul-free-text").addDeserializer(String.class, new NulFree()));
    }

    static final class NulFree extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            if (text != null && text.indexOf('\u0000') >= 0) {
                throw InvalidFormatException.from(parser, "must not contain a NUL character", text, String.class);
            }
            return text;
        }
    }
}
