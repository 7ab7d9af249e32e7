package io.khoj4j.application.port.out.chat;

import io.khoj4j.domain.chat.TokenUsage;

/** A finished answer: its text, the reasoning the model showed (may be empty), and the tokens it cost. */
public record ChatCompletion(String text, String thought, TokenUsage usage) {}
