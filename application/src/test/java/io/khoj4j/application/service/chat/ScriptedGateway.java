package io.khoj4j.application.service.chat;

import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.out.chat.ChatCompletion;
import io.khoj4j.application.port.out.chat.ChatCompletionRequest;
import io.khoj4j.application.port.out.chat.ChatModelGateway;
import io.khoj4j.application.port.out.chat.ChatStream;
import io.khoj4j.application.port.out.chat.ChatStreamListener;
import io.khoj4j.domain.chat.TokenUsage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/** A gateway that answers from a script and records every request; streams run on their own thread. */
final class ScriptedGateway implements ChatModelGateway {

  final Deque<String> completions = new ArrayDeque<>();
  final List<ChatCompletionRequest> requests = new ArrayList<>();
  List<String> streamDeltas = List.of("Hello ", "world.");
  /** Reasoning deltas streamed before the answer's text, as reasoning models do. */
  List<String> streamThoughts = List.of();
  /** How streamed answers end, as the model's provider reports it. */
  ChatCompletion.Ending streamEnding = ChatCompletion.Ending.COMPLETE;

  UpstreamFailureException streamFailure;
  long pauseBetweenDeltasMillis;
  final AtomicBoolean cancelled = new AtomicBoolean();
  /** Runs once as a stream starts (another request landing meanwhile, say). */
  volatile Runnable whileStreaming = () -> {};
  /** Runs as a helper call is answered (a client leaving meanwhile, say). */
  Runnable whileCompleting = () -> {};
  /** Helper calls never answer; they wait for their caller to stop them. */
  volatile boolean helpersHang;

  final AtomicBoolean helperAbandoned = new AtomicBoolean();

  @Override
  public ChatCompletion complete(ChatCompletionRequest request) {
    return complete(request, () -> false);
  }

  @Override
  public ChatCompletion complete(ChatCompletionRequest request, BooleanSupplier stop) {
    synchronized (this) {
      requests.add(request);
    }
    whileCompleting.run();
    while (helpersHang) {
      if (stop.getAsBoolean()) {
        helperAbandoned.set(true);
        throw new CancellationException("abandoned");
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CancellationException("interrupted");
      }
    }
    return scripted();
  }

  private synchronized ChatCompletion scripted() {
    if (completions.isEmpty()) {
      throw new UpstreamFailureException("no scripted answer", false, null);
    }
    return new ChatCompletion(completions.removeFirst(), "", new TokenUsage(10, 5, 0, 0, 0, 0));
  }

  @Override
  public ChatStream stream(ChatCompletionRequest request, ChatStreamListener listener) {
    synchronized (this) {
      requests.add(request);
    }
    AtomicBoolean stopped = new AtomicBoolean(); // this stream's; {@code cancelled} says any was
    Runnable meanwhile = whileStreaming;
    whileStreaming = () -> {};
    meanwhile.run();
    List<String> deltas = streamDeltas;
    long pause =
        pauseBetweenDeltasMillis; // a stream keeps its pace when a test sets the next one's
    Thread thread = Thread.ofVirtual().start(() -> {
      if (streamFailure != null) {
        listener.onError(streamFailure, false);
        return;
      }
      streamThoughts.forEach(listener::onThought);
      StringBuilder all = new StringBuilder();
      for (String delta : deltas) {
        if (stopped.get()) {
          return;
        }
        try {
          Thread.sleep(pause);
        } catch (InterruptedException e) {
          return;
        }
        if (stopped.get()) {
          return;
        }
        all.append(delta);
        listener.onText(delta);
      }
      listener.onComplete(new ChatCompletion(
          all.toString(),
          String.join("", streamThoughts),
          new TokenUsage(100, 20, 0, 0, 0, 0.001),
          streamEnding));
    });
    return () -> {
      stopped.set(true);
      cancelled.set(true);
      thread.interrupt();
    };
  }
}
