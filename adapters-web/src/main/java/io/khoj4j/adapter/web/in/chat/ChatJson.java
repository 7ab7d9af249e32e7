package io.khoj4j.adapter.web.in.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.khoj4j.domain.chat.ChatEvent;
import io.khoj4j.domain.chat.ChatMessage;
import io.khoj4j.domain.chat.Conversation;
import io.khoj4j.domain.chat.NoteReference;
import io.khoj4j.domain.chat.TokenUsage;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import io.khoj4j.domain.agent.Agent;
import io.khoj4j.domain.user.UserId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Khoj's JSON for chat: stream events, stored messages (both intent spellings), conversations, agents. */
public final class ChatJson {

  /** Every event of Khoj's chat stream ends with this (U+2403 U+1F51A U+2417). */
  public static final String DELIMITER = "\u2403\uD83D\uDD1A\u2417";
  static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
      .withZone(ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();

  private ChatJson() {}

  /** The text of one stream event, without the delimiter: JSON for events, raw text for answer deltas. */
  public static String event(ChatEvent event) {
    return switch (event) {
      case ChatEvent.Text t -> t.delta();
      case ChatEvent.Metadata m -> typed("metadata", Map.of("conversationId", m.conversationId().toString(),
          "turnId", m.turnId()));
      case ChatEvent.Status s -> typed("status", s.text());
      case ChatEvent.Thought t -> typed("thought", t.text());
      case ChatEvent.References r -> typed("references", references(r));
      case ChatEvent.GeneratedAssets a -> typed("generated_assets", assets(a));
      case ChatEvent.StartResponse s -> typed("start_llm_response", "");
      case ChatEvent.EndResponse e -> typed("end_llm_response", "");
      case ChatEvent.Usage u -> typed("usage", usage(u.usage()));
      case ChatEvent.Done d -> typed("end_response", "");
    };
  }

  static String typed(String type, Object data) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("type", type);
    event.put("data", data);
    return write(event);
  }

  static Map<String, Object> references(ChatEvent.References r) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("inferredQueries", r.inferredQueries());
    data.put("context", r.context().stream().map(ChatJson::reference).toList());
    data.put("onlineContext", ContextJson.online(r.onlineContext()));
    data.put("codeContext", ContextJson.code(r.codeContext()));
    return data;
  }

  /** Only what the turn made: {@code {"images": [...]}} and/or {@code {"mermaidjsDiagram": "..."}}. */
  static Map<String, Object> assets(ChatEvent.GeneratedAssets a) {
    Map<String, Object> data = new LinkedHashMap<>();
    if (!a.images().isEmpty()) {
      data.put("images", a.images());
    }
    if (a.mermaidjsDiagram() != null) {
      data.put("mermaidjsDiagram", a.mermaidjsDiagram());
    }
    return data;
  }

  static Map<String, Object> reference(NoteReference r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("query", r.query());
    m.put("compiled", r.compiled());
    m.put("file", r.file());
    m.put("uri", r.uri());
    return m;
  }

  static Map<String, Object> usage(TokenUsage u) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("input_tokens", u.inputTokens());
    m.put("output_tokens", u.outputTokens());
    m.put("thought_tokens", u.thoughtTokens());
    m.put("cache_read_tokens", u.cacheReadTokens());
    m.put("cache_write_tokens", u.cacheWriteTokens());
    m.put("cost", u.cost());
    return m;
  }

  /** A stored message as Khoj's clients read it from {@code conversation_log.chat}. */
  static Map<String, Object> message(ChatMessage m) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("by", m.by().wireName());
    out.put("message", m.message());
    out.put("trainOfThought", m.trainOfThought().stream()
        .map(t -> Map.of("type", t.type(), "data", t.data())).toList());
    out.put("context", m.context().stream().map(ChatJson::reference).toList());
    out.put("onlineContext", ContextJson.online(m.onlineContext()));
    out.put("codeContext", ContextJson.code(m.codeContext()));
    out.put("researchContext", null);
    out.put("operatorContext", null);
    out.put("created", created(m.created()));
    out.put("images", m.images());
    out.put("queryFiles", ContextJson.files(m.queryFiles()));
    out.put("excalidrawDiagram", null);
    out.put("mermaidjsDiagram", m.mermaidjsDiagram());
    out.put("turnId", m.turnId());
    if (m.intent() == null) {
      out.put("intent", null);
    } else {
      Map<String, Object> intent = new LinkedHashMap<>();
      intent.put("type", m.intent().type());
      intent.put("query", m.intent().query());
      intent.put("memory_type", m.intent().memoryType());
      intent.put("memory-type", m.intent().memoryType());
      intent.put("inferred_queries", m.intent().inferredQueries());
      intent.put("inferred-queries", m.intent().inferredQueries());
      out.put("intent", intent);
    }
    out.put("automationId", m.automationId());
    return out;
  }

  static String created(Instant at) {
    return CREATED.format(at);
  }

  static List<Map<String, Object>> messages(List<ChatMessage> messages) {
    List<Map<String, Object>> out = new ArrayList<>();
    messages.forEach(m -> out.add(message(m)));
    return out;
  }

  /** A conversation's agent as Khoj's history shows it; {@code viewer} tells whether they created it. */
  static Map<String, Object> agent(Agent a, UserId viewer) {
    if (a.isDefault()) {
      return defaultAgent();
    }
    Map<String, Object> agent = new LinkedHashMap<>();
    agent.put("slug", a.slug().value());
    agent.put("name", a.name());
    agent.put("is_creator", a.createdBy(viewer));
    agent.put("color", a.color());
    agent.put("icon", a.icon());
    agent.put("persona", a.persona());
    agent.put("is_hidden", a.hidden());
    return agent;
  }

  /** The built-in agent. */
  static Map<String, Object> defaultAgent() {
    Map<String, Object> agent = new LinkedHashMap<>();
    agent.put("slug", "khoj");
    agent.put("name", "Khoj");
    agent.put("is_creator", false);
    agent.put("color", "orange");
    agent.put("icon", "Lightbulb");
    agent.put("persona", "A personal assistant that helps you think with your own notes.");
    agent.put("is_hidden", false);
    return agent;
  }

  static Map<String, Object> session(Conversation c) {
    return session(c, defaultAgent());
  }

  /** A sessions-list item, with the conversation's agent as {@link #agent} shows it. */
  static Map<String, Object> session(Conversation c, Map<String, Object> agent) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("conversation_id", c.id().toString());
    s.put("slug", c.displayTitle());
    s.put("agent_name", agent.get("name"));
    s.put("created", created(c.createdAt()));
    s.put("updated", created(c.updatedAt()));
    s.put("agent_icon", agent.get("icon"));
    s.put("agent_color", agent.get("color"));
    s.put("agent_is_hidden", agent.get("is_hidden"));
    return s;
  }

  static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
