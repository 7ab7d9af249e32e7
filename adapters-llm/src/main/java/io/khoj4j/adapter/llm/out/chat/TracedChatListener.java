package io.khoj4j.adapter.llm.out.chat;

import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.out.chat.ChatCompletion;
import io.khoj4j.application.port.out.chat.ChatCompletionRequest;
import io.khoj4j.application.port.out.chat.ChatStreamListener;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import java.util.Locale;

/**
 * One model call as one span ({@code llm.chat}), from the request until the vendor's stream ends or fails, with the
 * vendor, the model and the token counts of the answer as attributes (the GenAI semantic-convention names, ADR 0029).
 * Forwards every event to the listener it wraps.
 */
final class TracedChatListener implements ChatStreamListener {

  private final ChatStreamListener listener;
  private final Span span;

  TracedChatListener(Tracer tracer, ChatCompletionRequest request, ChatStreamListener listener) {
    this.listener = listener;
    this.span = tracer
        .spanBuilder("llm.chat")
        .setAttribute("gen_ai.system", request.model().vendor().name().toLowerCase(Locale.ROOT))
        .setAttribute("gen_ai.request.model", request.model().modelName())
        .startSpan();
  }

  /** Ends the span when the call could not even start. */
  void failedToStart(RuntimeException e) {
    span.recordException(e);
    span.setStatus(StatusCode.ERROR);
    span.end();
  }

  @Override
  public void onText(String delta) {
    listener.onText(delta);
  }

  @Override
  public void onThought(String delta) {
    listener.onThought(delta);
  }

  @Override
  public void onComplete(ChatCompletion completion) {
    var usage = completion.usage();
    span.setAttribute("gen_ai.usage.input_tokens", usage.inputTokens())
        .setAttribute("gen_ai.usage.output_tokens", usage.outputTokens())
        .setAttribute("khoj.usage.thought_tokens", usage.thoughtTokens())
        .setAttribute("khoj.usage.cache_read_tokens", usage.cacheReadTokens());
    span.end();
    listener.onComplete(completion);
  }

  @Override
  public void onError(UpstreamFailureException error, boolean deliveredAnything) {
    span.recordException(error);
    span.setStatus(StatusCode.ERROR);
    span.setAttribute("khoj.delivered_anything", deliveredAnything);
    span.end();
    listener.onError(error, deliveredAnything);
  }
}
