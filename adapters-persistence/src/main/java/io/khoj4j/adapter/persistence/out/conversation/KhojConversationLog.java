package io.khoj4j.adapter.persistence.out.conversation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.khoj4j.adapter.persistence.out.shared.SharedJson;
import io.khoj4j.domain.chat.ChatMessage;
import io.khoj4j.domain.chat.Speaker;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads Khoj's {@code conversation_log} column ({@code {"chat": [...]}}) into messages, with the same reading of each
 * message's details as stored conversations ({@link MessageJson}). Khoj writes {@code created} as a zone-less
 * {@code yyyy-MM-dd HH:mm:ss} (taken as UTC); older logs have no {@code turnId}, so a question and the answers after it
 * get one derived from the conversation and the question's position, the same on every import. The intent's fields
 * come under Khoj's aliases ({@code inferred-queries}, {@code memory-type}).
 */
public final class KhojConversationLog {

  private static final ObjectMapper JSON = SharedJson.MAPPER;
  private static final DateTimeFormatter KHOJ_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private KhojConversationLog() {}

  /** The messages of the log, in order; {@code fallbackTime} for messages without a readable time. */
  public static List<ChatMessage> parse(
      String conversationLog, String conversationKey, Instant fallbackTime) {
    if (conversationLog == null || conversationLog.isBlank()) {
      return List.of();
    }
    JsonNode chat;
    try {
      chat = JSON.readTree(conversationLog).path("chat");
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "conversation " + conversationKey + ": conversation_log is not JSON", e);
    }
    List<ChatMessage> out = new ArrayList<>();
    String turn = null;
    int position = 0;
    for (JsonNode m : chat) {
      Speaker by = Speaker.fromWire(m.path("by").asText("you"));
      String turnId = m.hasNonNull("turnId") ? m.get("turnId").asText() : null;
      if (turnId == null) {
        if (by == Speaker.YOU || turn == null) {
          turn = UUID.nameUUIDFromBytes(
                  (conversationKey + "#" + position).getBytes(StandardCharsets.UTF_8))
              .toString();
        }
        turnId = turn;
      } else {
        turn = turnId;
      }
      String text = m.path("message").isTextual()
          ? m.get("message").asText()
          : m.path("message").toString();
      out.add(MessageJson.message(
          by,
          text,
          created(m.path("created").asText(""), fallbackTime),
          turnId,
          withStoredIntentNames(m).toString()));
      position++;
    }
    return out;
  }

  /** Khoj writes the intent's fields by their aliases ({@code inferred-queries}); stored messages use field names. */
  private static JsonNode withStoredIntentNames(JsonNode message) {
    if (message.path("intent") instanceof ObjectNode intent) {
      rename(intent, "inferred-queries", "inferred_queries");
      rename(intent, "memory-type", "memory_type");
    }
    return message;
  }

  private static void rename(ObjectNode node, String alias, String field) {
    if (node.has(alias) && !node.has(field)) {
      node.set(field, node.remove(alias));
    }
  }

  static Instant created(String text, Instant fallback) {
    if (text.isBlank()) {
      return fallback;
    }
    try {
      return LocalDateTime.parse(text, KHOJ_TIME).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException notKhojs) {
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException notIso) {
        try {
          return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException unreadable) {
          return fallback;
        }
      }
    }
  }
}
