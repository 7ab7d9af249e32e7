package io.khoj4j.application.service.chat.tool;

import io.khoj4j.application.port.in.chat.ChatCommand;
import io.khoj4j.application.port.in.chat.ChatEventSink;
import io.khoj4j.application.service.chat.prompt.PromptBuilder;
import io.khoj4j.domain.chat.ChatMessage;
import io.khoj4j.domain.chat.ChatModelEndpoint;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the tools of one turn work from: the model (if any), the message without its slash command, the conversation
 * so far, the request, where events go, how a progress line is shown and kept in the turn's train of thought, the
 * agent's persona, the sources it allows, and how the notes it may read are searched.
 */
public record ToolTurn(
    Optional<ChatModelEndpoint> model,
    String query,
    List<ChatMessage> history,
    ChatCommand command,
    ChatEventSink sink,
    Consumer<String> status,
    Optional<PromptBuilder.Persona> persona,
    AllowedTools allowed,
    NoteFinder notes) {

  public void status(String markdown) {
    status.accept(markdown);
  }

  public boolean cancelled() {
    return sink.cancelled();
  }

  /** The same turn asking something else: a research step gives a tool its own query. */
  ToolTurn asking(String otherQuery) {
    return new ToolTurn(model, otherQuery, history, command, sink, status, persona, allowed, notes);
  }
}
