package io.khoj4j.application.service.chat;

import io.khoj4j.application.port.in.chat.ChatEventSink;
import io.khoj4j.application.port.in.chat.ChatOutcome;
import io.khoj4j.application.service.chat.prompt.Prompts;
import io.khoj4j.domain.chat.ChatEvent;
import io.khoj4j.domain.chat.NoteReference;
import java.util.List;
import java.util.Map;

/** The answers no model writes: a fixed reply, or the notes found when no model is configured. */
final class ChatReplies {

  private ChatReplies() {}

  /** A fixed reply and the end of the turn; nothing is stored. */
  static ChatOutcome shortAnswer(ChatEventSink sink, String text) {
    respond(sink, text);
    sink.emit(new ChatEvent.Done());
    return new ChatOutcome.ShortAnswer(text);
  }

  /** A fixed answer after the metadata: nothing is searched, nothing stored. */
  static ChatOutcome answerWithoutModel(ChatEventSink sink, String text) {
    sink.emit(ChatEvent.References.none());
    return shortAnswer(sink, text);
  }

  static void respond(ChatEventSink sink, String text) {
    sink.emit(new ChatEvent.StartResponse());
    sink.emit(new ChatEvent.Text(text));
    sink.emit(new ChatEvent.EndResponse());
  }

  /** Without a model: the notes that look most relevant, each with its first line. */
  static String noModelAnswer(List<NoteReference> references) {
    String found;
    if (references.isEmpty()) {
      found = "";
    } else {
      StringBuilder sb = new StringBuilder("These notes look most relevant to your question:\n\n");
      for (NoteReference r : references) {
        String firstLine = r.compiled().strip().lines().findFirst().orElse("");
        sb.append("- [")
            .append(r.file())
            .append("](")
            .append(r.uri())
            .append("): ")
            .append(firstLine.length() > 160 ? firstLine.substring(0, 160) + "…" : firstLine)
            .append('\n');
      }
      found = sb.toString();
    }
    return Prompts.render(
        "no-model.md", Map.of("found", found.isEmpty() ? "" : "\n\n" + found.strip()));
  }
}
