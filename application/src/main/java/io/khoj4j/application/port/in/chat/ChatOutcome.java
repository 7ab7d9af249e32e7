package io.khoj4j.application.port.in.chat;

import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.domain.chat.NoteReference;
import io.khoj4j.domain.chat.TokenUsage;
import java.util.List;
import java.util.UUID;

/** How a turn ended. Only {@link Answered} turns are stored. */
public sealed interface ChatOutcome {

  record Answered(
      UUID conversationId,
      String turnId,
      String response,
      List<String> inferredQueries,
      List<NoteReference> references,
      TokenUsage usage)
      implements ChatOutcome {}

  /** A fixed reply that is not a turn of the conversation (empty question, unknown conversation, …). */
  record ShortAnswer(String response) implements ChatOutcome {}

  /** The language model failed; nothing was stored. */
  record Failed(UpstreamFailureException error) implements ChatOutcome {}

  /** The client went away; the model call was stopped and nothing was stored. */
  record Cancelled() implements ChatOutcome {}
}
