package io.khoj4j.adapter.llm.out.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.khoj4j.application.port.out.chat.ModelReplyReader;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a model's JSON reply with Jackson after repairing the usual mistakes: a code fence around the object, prose
 * before it, trailing commas, single quotes or comments inside it, and anything after its closing brace. The object
 * is the first one in the reply; a field is looked up at any depth (models sometimes wrap the answer in another
 * object).
 */
@ApplicationScoped
public class JacksonModelReplyReader implements ModelReplyReader {

  private static final ObjectMapper LENIENT = JsonMapper.builder()
      .enable(
          JsonReadFeature.ALLOW_TRAILING_COMMA,
          JsonReadFeature.ALLOW_SINGLE_QUOTES,
          JsonReadFeature.ALLOW_JAVA_COMMENTS,
          JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES,
          JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
      .build();
  private static final Pattern FENCE =
      Pattern.compile("```[\\w-]*[ \\t]*\\R?(.*?)```", Pattern.DOTALL);

  /** Newlines inside an item become spaces: each item is one line (a search query, a link, a source name). */
  @Override
  public List<String> strings(String reply, String field) {
    Optional<JsonNode> value = field(reply, field);
    if (value.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    if (value.get().isArray()) {
      value.get().forEach(item -> text(item).ifPresent(out::add));
    } else {
      text(value.get()).ifPresent(out::add);
    }
    out.replaceAll(item -> item.replace('\n', ' '));
    return List.copyOf(out);
  }

  @Override
  public Optional<String> string(String reply, String field) {
    return field(reply, field).filter(JsonNode::isValueNode).flatMap(JacksonModelReplyReader::text);
  }

  @Override
  public Optional<String> object(String reply, String field) {
    return field(reply, field).filter(JsonNode::isObject).map(JsonNode::toString);
  }

  private static Optional<String> text(JsonNode node) {
    if (!node.isValueNode() || node.isNull()) {
      return Optional.empty();
    }
    String text = node.asText().strip();
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  private static Optional<JsonNode> field(String reply, String field) {
    return object(reply).map(o -> o.findValue(field));
  }

  /** The first JSON object in the reply, repaired; empty when there is none. */
  static Optional<JsonNode> object(String reply) {
    if (reply == null) {
      return Optional.empty();
    }
    Matcher fenced = FENCE.matcher(reply);
    String text = fenced.find() ? fenced.group(1) : reply;
    int open = text.indexOf('{');
    if (open < 0) {
      return Optional.empty();
    }
    String from = text.substring(open);
    Optional<JsonNode> read = read(from);
    int close = from.lastIndexOf('}');
    if (read.isEmpty() && close > 0) {
      read = read(from.substring(0, close + 1));
    }
    return read.filter(JsonNode::isObject);
  }

  /** Reads the first value; whatever follows it is ignored. */
  private static Optional<JsonNode> read(String text) {
    try {
      return Optional.ofNullable(LENIENT.readTree(text));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }
}
