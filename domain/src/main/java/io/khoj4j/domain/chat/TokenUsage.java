package io.khoj4j.domain.chat;

/** Tokens a call consumed, as Khoj's {@code usage} event reports them; cost in USD when known, else 0. */
public record TokenUsage(
    int inputTokens,
    int outputTokens,
    int thoughtTokens,
    int cacheReadTokens,
    int cacheWriteTokens,
    double cost) {

  public static final TokenUsage NONE = new TokenUsage(0, 0, 0, 0, 0, 0);

  public TokenUsage plus(TokenUsage other) {
    return new TokenUsage(
        inputTokens + other.inputTokens,
        outputTokens + other.outputTokens,
        thoughtTokens + other.thoughtTokens,
        cacheReadTokens + other.cacheReadTokens,
        cacheWriteTokens + other.cacheWriteTokens,
        cost + other.cost);
  }
}
