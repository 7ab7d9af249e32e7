package io.khoj4j.adapter.web.in.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.khoj4j.adapter.web.in.SharedJson;
import io.khoj4j.domain.agent.Agent;
import io.khoj4j.domain.chat.ChatEvent;
import io.khoj4j.domain.chat.ChatMessage;
import io.khoj4j.domain.chat.Conversation;
import io.khoj4j.domain.chat.NoteReference;
import io.khoj4j.domain.chat.TokenUsage;
import io.khoj4j.domain.user.UserId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Khoj's JSON for chat, written by Jackson from the records below: stream events, stored messages (both intent
 * spellings), conversations in the sessions list, agents as history shows them. Field names and order are Khoj's.
 */
public final class ChatJson {

  /** Every event of Khoj's chat stream ends with this (U+2403 U+1F51A U+2417). */
  public static final String DELIMITER = "\u2403\uD83D\uDD1A\u2417";

  static final DateTimeFormatter CREATED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final ObjectMapper JSON = SharedJson.MAPPER;

  private ChatJson() {}

  /** One event of the stream: {@code {"type": ..., "data": ...}}. */
  record Event(String type, Object data) {}

  record Metadata(String conversationId, String turnId) {}

  record References(
      List<String> inferredQueries,
      List<Reference> context,
      Map<String, ContextJson.Online> onlineContext,
      Map<String, ContextJson.Code> codeContext) {}

  /** A note found for the answer: the query that found it, its text, file and URI. */
  record Reference(String query, String compiled, String file, String uri) {}

  /** Only what the turn made: {@code {"images": [...]}} and/or {@code {"mermaidjsDiagram": "..."}}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record Assets(List<String> images, String mermaidjsDiagram) {}

  record Usage(
      @JsonProperty("input_tokens") int inputTokens,
      @JsonProperty("output_tokens") int outputTokens,
      @JsonProperty("thought_tokens") int thoughtTokens,
      @JsonProperty("cache_read_tokens") int cacheReadTokens,
      @JsonProperty("cache_write_tokens") int cacheWriteTokens,
      double cost) {}

  /** A stored message as Khoj's clients read it from {@code conversation_log.chat}; absent parts are null. */
  record Message(
      String by,
      String message,
      List<Thought> trainOfThought,
      List<Reference> context,
      Map<String, ContextJson.Online> onlineContext,
      Map<String, ContextJson.Code> codeContext,
      Object researchContext,
      Object operatorContext,
      String created,
      List<String> images,
      List<ContextJson.File> queryFiles,
      Object excalidrawDiagram,
      String mermaidjsDiagram,
      String turnId,
      Intent intent,
      String automationId) {}

  record Thought(String type, String data) {}

  /** One of Khoj's research iterations, as an interrupted answer keeps them: what it was for and what it found. */
  record ResearchIteration(String query, String summarizedResult) {}

  /** An interrupted answer's findings as Khoj's {@code researchContext}; null for every other message, as in Khoj. */
  private static List<ResearchIteration> research(ChatMessage m) {
    if (m.researchContext().isEmpty()) {
      return null;
    }
    String query = m.intent() == null ? "" : m.intent().query();
    return m.researchContext().stream()
        .map(r -> new ResearchIteration(query, r))
        .toList();
  }

  /** Khoj's intent, in both the underscore and the older dash spelling its clients read. */
  record Intent(
      String type,
      String query,
      @JsonProperty("memory_type") String memoryType,
      @JsonProperty("memory-type") String memoryTypeDashed,
      @JsonProperty("inferred_queries") List<String> inferredQueries,
      @JsonProperty("inferred-queries") List<String> inferredQueriesDashed) {}

  /** A conversation's agent as history shows it. */
  record AgentView(
      String slug,
      String name,
      @JsonProperty("is_creator") boolean isCreator,
      String color,
      String icon,
      String persona,
      @JsonProperty("is_hidden") boolean isHidden) {}

  /**
   * Khoj's non-streamed answer: the text, what was looked up ({@code {}} when nothing), usage ({@code {}} when
   * unknown), the images made, no files, and the diagram (Khoj sends {@code []} when there is none).
   */
  record Answer(
      String response,
      Object references,
      Object usage,
      List<String> images,
      List<Object> files,
      Object mermaidjsDiagram) {}

  /** An item of the sessions list. */
  record Session(
      @JsonProperty("conversation_id") String conversationId,
      String slug,
      @JsonProperty("agent_name") String agentName,
      String created,
      String updated,
      @JsonProperty("agent_icon") String agentIcon,
      @JsonProperty("agent_color") String agentColor,
      @JsonProperty("agent_is_hidden") boolean agentIsHidden) {}

  /** The text of one stream event, without the delimiter: JSON for events, raw text for answer deltas. */
  public static String event(ChatEvent event) {
    return switch (event) {
      case ChatEvent.Text t -> t.delta();
      case ChatEvent.Metadata m ->
        typed("metadata", new Metadata(m.conversationId().toString(), m.turnId()));
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
    return write(new Event(type, data));
  }

  static References references(ChatEvent.References r) {
    return new References(
        r.inferredQueries(),
        references(r.context()),
        ContextJson.online(r.onlineContext()),
        ContextJson.code(r.codeContext()));
  }

  static Assets assets(ChatEvent.GeneratedAssets a) {
    return new Assets(a.images(), a.mermaidjsDiagram());
  }

  static List<Reference> references(List<NoteReference> notes) {
    return notes.stream()
        .map(r -> new Reference(r.query(), r.compiled(), r.file(), r.uri()))
        .toList();
  }

  static Usage usage(TokenUsage u) {
    return new Usage(
        u.inputTokens(),
        u.outputTokens(),
        u.thoughtTokens(),
        u.cacheReadTokens(),
        u.cacheWriteTokens(),
        u.cost());
  }

  /** A stored message as Khoj's clients read it from {@code conversation_log.chat}. */
  static Message message(ChatMessage m) {
    Intent intent = m.intent() == null
        ? null
        : new Intent(
            m.intent().type(),
            m.intent().query(),
            m.intent().memoryType(),
            m.intent().memoryType(),
            m.intent().inferredQueries(),
            m.intent().inferredQueries());
    return new Message(
        m.by().wireName(),
        m.message(),
        m.trainOfThought().stream().map(t -> new Thought(t.type(), t.data())).toList(),
        references(m.context()),
        ContextJson.online(m.onlineContext()),
        ContextJson.code(m.codeContext()),
        research(m),
        null,
        created(m.created()),
        m.images(),
        ContextJson.files(m.queryFiles()),
        null,
        m.mermaidjsDiagram(),
        m.turnId(),
        intent,
        m.automationId());
  }

  static String created(Instant at) {
    return CREATED.format(at);
  }

  static List<Message> messages(List<ChatMessage> messages) {
    return messages.stream().map(ChatJson::message).toList();
  }

  /** A conversation's agent as Khoj's history shows it; {@code viewer} tells whether they created it. */
  static AgentView agent(Agent a, UserId viewer) {
    if (a.isDefault()) {
      return defaultAgent();
    }
    return new AgentView(
        a.slug().value(),
        a.name(),
        a.createdBy(viewer),
        a.color(),
        a.icon(),
        a.persona(),
        a.hidden());
  }

  /** The built-in agent. */
  static AgentView defaultAgent() {
    return new AgentView(
        "khoj",
        "Khoj",
        false,
        "orange",
        "Lightbulb",
        "A personal assistant that helps you think with your own notes.",
        false);
  }

  static Session session(Conversation c) {
    return session(c, defaultAgent());
  }

  /** A sessions-list item, with the conversation's agent as {@link #agent} shows it. */
  static Session session(Conversation c, AgentView agent) {
    return new Session(
        c.id().toString(),
        c.displayTitle(),
        agent.name(),
        created(c.createdAt()),
        created(c.updatedAt()),
        agent.icon(),
        agent.color(),
        agent.isHidden());
  }

  static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
