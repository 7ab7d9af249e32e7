package io.khoj4j.application.service.chat;

import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.in.chat.ChatEventSink;
import io.khoj4j.application.port.in.chat.ChatOutcome;
import io.khoj4j.application.port.out.chat.ChatCompletion;
import io.khoj4j.application.port.out.chat.ChatCompletionRequest;
import io.khoj4j.application.port.out.chat.ChatModelGateway;
import io.khoj4j.application.port.out.chat.ChatStream;
import io.khoj4j.application.port.out.chat.ChatStreamListener;
import io.khoj4j.domain.chat.ChatEvent;
import io.khoj4j.domain.chat.ChatModelEndpoint;
import io.khoj4j.domain.chat.PromptMessage;
import io.khoj4j.domain.chat.TokenUsage;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Step four of a turn: the answer, streamed to the client as the model writes it; the model is stopped when the
 * client leaves. Reasoning comes first as thoughts; the answer starts ({@code start_llm_response}) with its first
 * text, or at the end when the model wrote none. An answer the model could not finish (its output limit, the
 * provider's safety filter) ends with a notice saying so, which is stored with it.
 */
final class AnswerStreamer {

  private static final Logger LOG = System.getLogger(AnswerStreamer.class.getName());

  /** The answer written, or (with {@code outcome} set) how the turn ended instead. */
  /** {@code whole}: the model ended the answer itself, so no notice of how it stopped was added to the text. */
  record ModelAnswer(
      String text, String thought, TokenUsage usage, ChatOutcome outcome, boolean whole) {

    static ModelAnswer ended(ChatOutcome outcome) {
      return new ModelAnswer("", "", TokenUsage.NONE, outcome, false);
    }
  }

  private final ChatModelGateway gateway;

  AnswerStreamer(ChatModelGateway gateway) {
    this.gateway = gateway;
  }

  ModelAnswer stream(ChatModelEndpoint model, List<PromptMessage> prompt, ChatEventSink sink) {
    CompletableFuture<ChatCompletion> done = new CompletableFuture<>();
    StringBuilder text = new StringBuilder();
    AtomicBoolean started = new AtomicBoolean();
    Runnable start = () -> {
      if (started.compareAndSet(false, true)) {
        sink.emit(new ChatEvent.StartResponse());
      }
    };
    ChatStream stream = gateway.stream(
        ChatCompletionRequest.of(model, prompt), new ForwardToSink(sink, text, start, done));
    while (true) {
      try {
        return finished(done.get(100, TimeUnit.MILLISECONDS), text, start, sink);
      } catch (TimeoutException stillRunning) {
        if (sink.cancelled()) {
          stream.cancel();
          return ModelAnswer.ended(new ChatOutcome.Cancelled());
        }
      } catch (ExecutionException e) {
        return failed(model, e.getCause(), start, sink);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stream.cancel();
        return ModelAnswer.ended(new ChatOutcome.Cancelled());
      }
    }
  }

  private static ModelAnswer finished(
      ChatCompletion completion, StringBuilder text, Runnable start, ChatEventSink sink) {
    String answer;
    boolean streamedNothing;
    synchronized (text) {
      answer = text.isEmpty() ? completion.text() : text.toString();
      streamedNothing = text.isEmpty();
    }
    start.run();
    if (streamedNothing && !completion.text().isEmpty()) {
      sink.emit(new ChatEvent.Text(completion.text()));
    }
    String notice = endingText(completion.ending());
    if (!notice.isEmpty()) {
      String delta = answer.isBlank() ? notice : "\n\n" + notice;
      sink.emit(new ChatEvent.Text(delta));
      answer += delta;
    }
    sink.emit(new ChatEvent.EndResponse());
    return new ModelAnswer(
        answer,
        completion.thought() == null ? "" : completion.thought(),
        completion.usage(),
        null,
        notice.isEmpty());
  }

  private static ModelAnswer failed(
      ChatModelEndpoint model, Throwable cause, Runnable start, ChatEventSink sink) {
    UpstreamFailureException failure = cause instanceof UpstreamFailureException u
        ? u
        : new UpstreamFailureException("The language model failed", true, cause);
    LOG.log(Level.WARNING, "Chat model {0} failed: {1}", model.modelName(), failure.getMessage());
    start.run();
    sink.emit(new ChatEvent.Text("\n\n" + failureText(failure)));
    sink.emit(new ChatEvent.EndResponse());
    sink.emit(new ChatEvent.Done());
    return ModelAnswer.ended(new ChatOutcome.Failed(failure));
  }

  static String failureText(UpstreamFailureException failure) {
    if (!failure.retryable()) {
      return "⚠️ The language model refused the request (" + failure.getMessage() + ").";
    }
    // the provider's own wait is in the message; "shortly" would contradict an hour's
    return "⚠️ The language model is unavailable right now (" + failure.getMessage() + ")."
        + (failure.retryAfter().isPresent() ? "" : " Please try again shortly.");
  }

  /**
   * What the user is told when the model stopped before it was done; empty when it finished. The vendors end such a
   * stream as cleanly as a whole answer, so without this the user would read a cut or empty answer as all there is.
   */
  static String endingText(ChatCompletion.Ending ending) {
    return switch (ending) {
      case COMPLETE -> "";
      case CUT_AT_LENGTH ->
        "⚠️ The answer is incomplete: the model reached the longest reply it may write.";
      case REFUSED_BY_FILTER -> "⚠️ The model provider's safety filter stopped this answer.";
      case CUT_AT_CONTEXT ->
        "⚠️ The answer is incomplete: the conversation filled the model's context window."
            + " Start a new conversation or choose a model with a larger one.";
      case LANGUAGE_UNSUPPORTED ->
        "⚠️ The model stopped: it does not support the language of this conversation.";
    };
  }

  /** Passes the model's text and thoughts to the client as they come and keeps the text. */
  private record ForwardToSink(
      ChatEventSink sink,
      StringBuilder text,
      Runnable start,
      CompletableFuture<ChatCompletion> done)
      implements ChatStreamListener {

    @Override
    public void onText(String delta) {
      start.run();
      synchronized (text) {
        text.append(delta);
      }
      sink.emit(new ChatEvent.Text(delta));
    }

    @Override
    public void onThought(String delta) {
      sink.emit(new ChatEvent.Thought(delta));
    }

    @Override
    public void onComplete(ChatCompletion completion) {
      done.complete(completion);
    }

    @Override
    public void onError(UpstreamFailureException error, boolean deliveredAnything) {
      done.completeExceptionally(error);
    }
  }
}
