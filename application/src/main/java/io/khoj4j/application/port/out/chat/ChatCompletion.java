package io.khoj4j.application.port.out.chat;

import io.khoj4j.domain.chat.TokenUsage;
import java.util.Objects;

/**
 * A finished answer: its text, the reasoning the model showed (may be empty), the tokens it cost, and how it ended.
 * A model that stops because of its output limit or its provider's safety filter still sends a well-formed end, so
 * the ending is what tells such an answer from a whole one.
 */
public record ChatCompletion(String text, String thought, TokenUsage usage, Ending ending) {

  /** Why the model stopped writing. */
  public enum Ending {
    /** The model said all it meant to (or stopped for a reason the provider does not single out). */
    COMPLETE,
    /** The model reached the most tokens it may write in one answer: the text stops mid-way. */
    CUT_AT_LENGTH,
    /** The provider's content filter or safety check stopped the answer (or refused it outright). */
    REFUSED_BY_FILTER,
    /**
     * The prompt and the answer together filled the model's context window: the text stops mid-way, and a shorter
     * conversation or a model with a larger window would let it finish.
     */
    CUT_AT_CONTEXT,
    /** The model stopped because it does not support the language it was asked to write in. */
    LANGUAGE_UNSUPPORTED
  }

  public ChatCompletion {
    Objects.requireNonNull(ending, "ending");
  }

  /** An answer that ended by itself. */
  public ChatCompletion(String text, String thought, TokenUsage usage) {
    this(text, thought, usage, Ending.COMPLETE);
  }
}
