package io.khoj4j.adapter.persistence.out.conversation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.khoj4j.adapter.persistence.out.shared.SharedJson;
import io.khoj4j.domain.chat.AttachedFile;
import io.khoj4j.domain.chat.ChatMessage;
import io.khoj4j.domain.chat.CodeRun;
import io.khoj4j.domain.chat.Intent;
import io.khoj4j.domain.chat.NoteReference;
import io.khoj4j.domain.chat.OnlineResult;
import io.khoj4j.domain.chat.Speaker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Maps a message's details to the JSON stored in {@code chat_messages.details} (and whole messages, for copies). */
final class MessageJson {

  private static final ObjectMapper JSON = SharedJson.MAPPER;
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private MessageJson() {}

  static String details(ChatMessage m) {
    ObjectNode node = JSON.createObjectNode();
    ArrayNode context = node.putArray("context");
    for (NoteReference r : m.context()) {
      context
          .addObject()
          .put("query", r.query())
          .put("compiled", r.compiled())
          .put("file", r.file())
          .put("uri", r.uri());
    }
    node.set("onlineContext", online(m.onlineContext()));
    node.set("codeContext", code(m.codeContext()));
    ArrayNode thoughts = node.putArray("trainOfThought");
    m.trainOfThought()
        .forEach(t -> thoughts.addObject().put("type", t.type()).put("data", t.data()));
    if (m.intent() != null) {
      ObjectNode intent = node.putObject("intent");
      intent
          .put("type", m.intent().type())
          .put("query", m.intent().query())
          .put("memory_type", m.intent().memoryType());
      intent.set("inferred_queries", JSON.valueToTree(m.intent().inferredQueries()));
    }
    node.set("images", JSON.valueToTree(m.images()));
    ArrayNode files = node.putArray("queryFiles");
    m.queryFiles()
        .forEach(f -> files
            .addObject()
            .put("name", f.name())
            .put("content", f.content())
            .put("file_type", f.fileType())
            .put("size", f.size()));
    if (m.mermaidjsDiagram() != null) {
      node.put("mermaidjsDiagram", m.mermaidjsDiagram());
    }
    if (m.automationId() != null) {
      node.put("automationId", m.automationId());
    }
    if (!m.researchContext()
        .isEmpty()) { // Khoj's research iterations: only what the next turn reads
      ArrayNode research = node.putArray("researchContext");
      m.researchContext().forEach(r -> research.addObject().put("summarizedResult", r));
    }
    return node.toString();
  }

  static ChatMessage message(
      Speaker by, String text, Instant created, String turnId, String details) {
    try {
      JsonNode node = JSON.readTree(details);
      List<NoteReference> context = new ArrayList<>();
      for (JsonNode r : node.path("context")) {
        context.add(new NoteReference(
            text(r, "query"), text(r, "compiled"), text(r, "file"), text(r, "uri")));
      }
      List<ChatMessage.Thought> thoughts = new ArrayList<>();
      for (JsonNode t : node.path("trainOfThought")) {
        thoughts.add(new ChatMessage.Thought(text(t, "type"), text(t, "data")));
      }
      Intent intent = null;
      // Khoj writes "intent": null on every question: no intent, not one of null fields
      if (node.path("intent").isObject()) {
        JsonNode i = node.get("intent");
        intent = new Intent(
            text(i, "type"),
            text(i, "query"),
            text(i, "memory_type"),
            JSON.convertValue(i.path("inferred_queries"), STRINGS));
      }
      return new ChatMessage(
          by,
          text,
          created,
          turnId,
          context,
          onlineFrom(node.path("onlineContext")),
          codeFrom(node.path("codeContext")),
          thoughts,
          intent,
          node.has("images") ? JSON.convertValue(node.get("images"), STRINGS) : List.of(),
          filesFrom(node.path("queryFiles")),
          node.hasNonNull("mermaidjsDiagram") ? node.get("mermaidjsDiagram").asText() : null,
          node.hasNonNull("automationId") ? node.get("automationId").asText() : null,
          researchFrom(node.path("researchContext")));
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
        node.put("by", m.by().wireName())
            .put("message", m.message())
            .put("created", m.created().toString())
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
        out.add(message(
            Speaker.fromWire(text(n, "by")),
            text(n, "message"),
            Instant.parse(text(n, "created")),
            n.hasNonNull("turnId") ? n.get("turnId").asText() : null,
            n.toString()));
      }
      return out;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The findings of an interrupted turn's research iterations; iterations without a summary carry nothing. */
  private static List<String> researchFrom(JsonNode iterations) {
    List<String> out = new ArrayList<>();
    for (JsonNode iteration : iterations) {
      JsonNode summary = iteration.path("summarizedResult");
      if (summary.isTextual() && !summary.asText().isBlank()) {
        out.add(summary.asText());
      }
    }
    return out;
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

  /** Khoj's {@code onlineContext}: an object keyed by query; {@code organic} marks a search. */
  private static ObjectNode online(List<OnlineResult> results) {
    ObjectNode out = JSON.createObjectNode();
    for (OnlineResult r : results) {
      ObjectNode found = out.putObject(r.query());
      if (r.searched()) {
        ArrayNode organic = found.putArray("organic");
        r.organic()
            .forEach(h -> organic
                .addObject()
                .put("title", h.title())
                .put("link", h.link())
                .put("snippet", h.snippet()));
      }
      r.answerBox().ifPresent(a -> {
        ObjectNode box =
            found.putObject("answerBox").put("title", a.title()).put("snippet", a.snippet());
        a.link().ifPresent(link -> box.put("link", link));
      });
      if (!r.searched() || !r.webpages().isEmpty()) {
        ArrayNode pages = found.putArray("webpages");
        r.webpages()
            .forEach(p -> pages
                .addObject()
                .put("query", p.query())
                .put("link", p.link())
                .put("snippet", p.snippet()));
      }
    }
    return out;
  }

  /**
   * Reads what {@link #online} wrote, and tolerates Khoj's variants in older or imported rows: {@code webpages} as a
   * single object, hits with missing fields, keys this server does not keep (dropped).
   */
  private static List<OnlineResult> onlineFrom(JsonNode node) {
    List<OnlineResult> out = new ArrayList<>();
    node.properties().forEach(e -> {
      JsonNode found = e.getValue();
      List<OnlineResult.Hit> organic = new ArrayList<>();
      found
          .path("organic")
          .forEach(h -> organic.add(
              new OnlineResult.Hit(text(h, "title"), text(h, "link"), text(h, "snippet"))));
      Optional<OnlineResult.AnswerBox> box = found.has("answerBox")
          ? Optional.of(new OnlineResult.AnswerBox(
              text(found.get("answerBox"), "title"),
              text(found.get("answerBox"), "snippet"),
              Optional.ofNullable(text(found.get("answerBox"), "link"))))
          : Optional.empty();
      JsonNode pagesNode = found.path("webpages");
      List<OnlineResult.PageExtract> pages = new ArrayList<>();
      (pagesNode.isObject() ? List.of(pagesNode) : pagesNode)
          .forEach(p -> pages.add(
              new OnlineResult.PageExtract(text(p, "query"), text(p, "link"), text(p, "snippet"))));
      out.add(new OnlineResult(e.getKey(), found.has("organic"), organic, box, pages));
    });
    return out;
  }

  /** Khoj's {@code codeContext}: an object keyed by the instructions, {@code {code, results: {...}}}. */
  private static ObjectNode code(List<CodeRun> runs) {
    ObjectNode out = JSON.createObjectNode();
    for (CodeRun run : runs) {
      ObjectNode entry = out.putObject(run.instructions()).put("code", run.code());
      ObjectNode results = entry.putObject("results").put("success", run.success());
      ArrayNode files = results.putArray("output_files");
      run.outputFiles()
          .forEach(
              f -> files.addObject().put("filename", f.filename()).put("b64_data", f.base64Data()));
      results.put("std_out", run.stdout()).put("std_err", run.stderr());
      run.runtime().ifPresent(d -> results.put("code_runtime", d.toMillis()));
    }
    return out;
  }

  private static List<CodeRun> codeFrom(JsonNode node) {
    List<CodeRun> out = new ArrayList<>();
    node.properties().forEach(e -> {
      JsonNode results = e.getValue().path("results");
      List<CodeRun.OutputFile> files = new ArrayList<>();
      results
          .path("output_files")
          .forEach(
              f -> files.add(new CodeRun.OutputFile(text(f, "filename"), text(f, "b64_data"))));
      Optional<Duration> runtime = results.hasNonNull("code_runtime")
          ? Optional.of(Duration.ofMillis(results.get("code_runtime").asLong()))
          : Optional.empty();
      String code = text(e.getValue(), "code");
      out.add(new CodeRun(
          e.getKey(),
          code == null ? "" : code,
          results.path("success").asBoolean(false),
          files,
          text(results, "std_out"),
          text(results, "std_err"),
          runtime));
    });
    return out;
  }

  private static List<AttachedFile> filesFrom(JsonNode node) {
    List<AttachedFile> out = new ArrayList<>();
    node.forEach(f -> out.add(new AttachedFile(
        String.valueOf(text(f, "name")),
        String.valueOf(text(f, "content")),
        text(f, "file_type"),
        f.path("size").asLong(0))));
    return out;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
