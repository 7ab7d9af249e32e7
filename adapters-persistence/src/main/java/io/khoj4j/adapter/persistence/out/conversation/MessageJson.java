package io.khoj4j.adapter.persistence.out.conversation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.khoj4j.domain.chat.ChatMessage;
import io.khoj4j.domain.chat.Intent;
import io.khoj4j.domain.chat.NoteReference;
import io.khoj4j.domain.chat.Speaker;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Maps a message's details to the JSON stored in {@code chat_messages.details} (and whole messages, for copies). */
final class MessageJson {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
  private static final TypeReference<List<Map<String, Object>>> LIST_OF_MAPS = new TypeReference<>() {};
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private MessageJson() {}

  static String details(ChatMessage m) {
    ObjectNode node = JSON.createObjectNode();
    ArrayNode context = node.putArray("context");
    for (NoteReference r : m.context()) {
      context.addObject().put("query", r.query()).put("compiled", r.compiled()).put("file", r.file())
          .put("uri", r.uri());
    }
    node.set("onlineContext", JSON.valueToTree(m.onlineContext()));
    node.set("codeContext", JSON.valueToTree(m.codeContext()));
    ArrayNode thoughts = node.putArray("trainOfThought");
    m.trainOfThought().forEach(t -> thoughts.addObject().put("type", t.type()).put("data", t.data()));
    if (m.intent() != null) {
      ObjectNode intent = node.putObject("intent");
      intent.put("type", m.intent().type()).put("query", m.intent().query())
          .put("memory_type", m.intent().memoryType());
      intent.set("inferred_queries", JSON.valueToTree(m.intent().inferredQueries()));
    }
    node.set("images", JSON.valueToTree(m.images()));
    node.set("queryFiles", JSON.valueToTree(m.queryFiles()));
    if (m.mermaidjsDiagram() != null) {
      node.put("mermaidjsDiagram", m.mermaidjsDiagram());
    }
    if (m.automationId() != null) {
      node.put("automationId", m.automationId());
    }
    return node.toString();
  }

  static ChatMessage message(Speaker by, String text, Instant created, String turnId, String details) {
    try {
      JsonNode node = JSON.readTree(details);
      List<NoteReference> context = new ArrayList<>();
      for (JsonNode r : node.path("context")) {
        context.add(new NoteReference(text(r, "query"), text(r, "compiled"), text(r, "file"), text(r, "uri")));
      }
      List<ChatMessage.Thought> thoughts = new ArrayList<>();
      for (JsonNode t : node.path("trainOfThought")) {
        thoughts.add(new ChatMessage.Thought(text(t, "type"), text(t, "data")));
      }
      Intent intent = null;
      if (node.has("intent")) {
        JsonNode i = node.get("intent");
        intent = new Intent(text(i, "type"), text(i, "query"), text(i, "memory_type"),
            JSON.convertValue(i.path("inferred_queries"), STRINGS));
      }
      return new ChatMessage(by, text, created, turnId, context,
          node.has("onlineContext") ? JSON.convertValue(node.get("onlineContext"), MAP) : Map.of(),
          node.has("codeContext") ? JSON.convertValue(node.get("codeContext"), MAP) : Map.of(), thoughts, intent,
          node.has("images") ? JSON.convertValue(node.get("images"), STRINGS) : List.of(),
          node.has("queryFiles") ? JSON.convertValue(node.get("queryFiles"), LIST_OF_MAPS) : List.of(),
          node.hasNonNull("mermaidjsDiagram") ? node.get("mermaidjsDiagram").asText() : null,
          node.hasNonNull("automationId") ? node.get("automationId").asText() : null);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored message details are not JSON", e);
    }
  }

  /** A whole list of messages (public copies are a snapshot). */
  static String messages(List<ChatMessage> messages) {
    ArrayNode array = JSON.createArrayNode();
    for (ChatMessage m : messages) {
      try {
        ObjectNode node = (ObjectNode) JSON.readTree(details(m));
        node.put("by", m.by().wireName()).put("message", m.message()).put("created", m.created().toString())
            .put("turnId", m.turnId());
        array.add(node);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    return array.toString();
  }

  static List<ChatMessage> messagesFrom(String json) {
    try {
      List<ChatMessage> out = new ArrayList<>();
      for (JsonNode n : JSON.readTree(json)) {
        out.add(message(Speaker.fromWire(text(n, "by")), text(n, "message"), Instant.parse(text(n, "created")),
            n.hasNonNull("turnId") ? n.get("turnId").asText() : null, n.toString()));
      }
      return out;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String strings(List<String> values) {
    return JSON.valueToTree(values).toString();
  }

  static List<String> stringsFrom(String json) {
    try {
      return JSON.readValue(json, STRINGS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
