package io.khoj4j.application.port.out.chat;

import io.khoj4j.domain.chat.PromptMessage;

/** Estimates how many tokens text costs a model, with a real tokenizer (a budget, not a bill). */
public interface TokenCounter {

  int count(String text);

  /** Tokens of one prompt message including the per-message overhead vendors add (and images at a flat rate). */
  int count(PromptMessage message);
}
