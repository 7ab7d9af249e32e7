package io.khoj4j.application.port.in.chat;

import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.domain.chat.NoteReference;
import io.khoj4j.domain.chat.TokenUsage;
import java.util.List;
import java.util.UUID;

/**
 * How a turn ended. {@link Answered} turns are stored; a {@link Cancelled} one is stored as interrupted when its
 * conversation was known (the question, an empty answer and what it had gathered), for the next turn to carry on.
 */
public sealed interface ChatOutcome {

  /**
   * @param whole the model ended its answer itself; false when the response ends with a notice of how it stopped
   *     (cut at its length or context, stopped by a safety filter, an unsupported language)
   */
  record Answered(
      UUID conversationId,
      String turnId,
      String response,
      List<String> inferredQueries,
      List<NoteReference> references,
      TokenUsage usage,
      boolean whole)
      implements ChatOutcome {}

  /** A fixed reply that is not a turn of the conversation (empty question, unknown conversation, …). */
  record ShortAnswer(String response) implements ChatOutcome {}

  /** The language model failed; nothing was stored. */
  record Failed(UpstreamFailureException error) implements ChatOutcome {}

  /**
   * The client stopped the turn or went away: the model call was stopped, and the question was stored with an empty
   * answer holding what the turn had gathered.
   */
  record Cancelled() implements ChatOutcome {}
}
