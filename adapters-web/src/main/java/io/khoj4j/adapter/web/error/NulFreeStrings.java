package io.khoj4j.adapter.web.error;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Strings read from a JSON body lose their NUL characters ({@code \u0000}). PostgreSQL stores no NUL in text or
 * JSONB, so a question, title, name or memory carrying one used to fail at its insert with a 500, after the work (a
 * paid model call, for a chat turn) was done; Khoj strips them from a chat turn before saving it. A NUL carries no
 * meaning in any text these routes take. Registered on the REST layer's mapper and on {@code SharedJson}'s.
 */
@Singleton
public class NulFreeStrings implements ObjectMapperCustomizer {

  /** The module: every {@code String} target of a body is read without its NUL characters. */
  public static final SimpleModule MODULE =
      new SimpleModule("nul-free-strings").addDeserializer(String.class, new Deserializer());

  @Override
  public void customize(ObjectMapper mapper) {
    mapper.registerModule(MODULE);
  }

  /** {@code text} without its NUL characters; {@code null} stays {@code null}. */
  public static String strip(String text) {
    return text == null || text.indexOf('\u0000') < 0 ? text : text.replace("\u0000", "");
  }

  private static final class Deserializer extends StringDeserializer {
    @Override
    public String deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      return strip(super.deserialize(parser, context));
    }
  }
}
