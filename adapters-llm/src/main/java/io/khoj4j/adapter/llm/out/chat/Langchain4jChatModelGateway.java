package io.khoj4j.adapter.llm.out.chat;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.PartialThinkingContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.output.FinishReason;
import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.out.chat.ChatCompletion;
import io.khoj4j.application.port.out.chat.ChatCompletionRequest;
import io.khoj4j.application.port.out.chat.ChatModelGateway;
import io.khoj4j.application.port.out.chat.ChatStream;
import io.khoj4j.application.port.out.chat.ChatStreamListener;
import io.khoj4j.domain.chat.ModelVendor;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * Chat models of every vendor through LangChain4j's streaming models: OpenAI and any OpenAI-compatible server,
 * Anthropic, Google Gemini, Ollama's native API. Text and reasoning deltas go to the listener as they arrive.
 *
 * <p>An answer is complete only when the vendor's stream says so: its end marker arrived, every frame could be read
 * ({@link WholeStreamHttpClient}) and a finish reason was given. Anything less is a broken stream, never a shorter
 * answer. Failures that are safe to retry (429, 5xx, timeouts, connection errors, a broken stream) are retried with
 * exponential backoff — but only while nothing has reached the listener, so a user never sees an answer twice. Then
 * they surface as {@link UpstreamFailureException}. A provider's {@code Retry-After} is honoured: a retry waits at
 * least that long, and a provider that asks for longer than the larger of the maximum backoff and 30 s is not
 * retried at all, the failure saying when to try again. An answer that ends well but early (the output limit, a
 * content filter) completes with its {@link ChatCompletion.Ending}. A watchdog ends a stream that stays silent longer
 * than the timeout. Cancelling, that watchdog, and every failure close the attempt's connection to the provider, at
 * whatever stage it is (connecting, waiting for headers, streaming), so an abandoned call leaves no socket open behind
 * it.
 */
@ApplicationScoped
public class Langchain4jChatModelGateway implements ChatModelGateway {

  private static final Logger LOG = Logger.getLogger(Langchain4jChatModelGateway.class);
  /** How often a waiting helper call asks whether its caller still wants the answer. */
  private static final Duration STOP_POLL = Duration.ofMillis(50);
  /**
   * The longest {@code Retry-After} worth waiting for, unless the backoff itself goes further: a user is watching the
   * answer, and a provider that wants a longer pause (an hour's quota, say) is better reported at once with its time.
   */
  private static final Duration LONGEST_RETRY_AFTER = Duration.ofSeconds(30);

  /**
   * How many timeouts a stream may go on with events (keep-alive pings) but neither text nor reasoning: a model that
   * thinks unseen gets that long, a hung one behind a live connection no longer.
   */
  static final int EVENTS_WITHOUT_WORDS = 5;

  private final Duration timeout;
  private final int maxRetries;
  private final Duration firstBackoff;
  private final Duration maxBackoff;
  /** The longest pause between two attempts: the backoff's, or a provider's Retry-After up to 30 s. */
  private final Duration longestWait;

  /** The server's OpenTelemetry, for the model-call spans; a no-op one in hand-built gateways. */
  private final OpenTelemetry telemetry;

  private final VendorChatModels models;
  private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(
      Thread.ofVirtual().name("chat-retry").factory());

  @Inject
  public Langchain4jChatModelGateway(
      ChatModelCallSettings settings, Instance<OpenTelemetry> telemetry) {
    this(
        settings.timeout(),
        settings.maxRetries(),
        settings.firstBackoff(),
        settings.maxBackoff(),
        settings.anthropicMaxTokens(),
        telemetry.isResolvable() ? telemetry.get() : OpenTelemetry.noop());
  }

  /** A gateway without traces (tests). */
  public Langchain4jChatModelGateway(
      Duration timeout,
      int maxRetries,
      Duration firstBackoff,
      Duration maxBackoff,
      int anthropicMaxTokens) {
    this(timeout, maxRetries, firstBackoff, maxBackoff, anthropicMaxTokens, OpenTelemetry.noop());
  }

  private Langchain4jChatModelGateway(
      Duration timeout,
      int maxRetries,
      Duration firstBackoff,
      Duration maxBackoff,
      int anthropicMaxTokens,
      OpenTelemetry telemetry) {
    this.telemetry = telemetry;
    this.timeout = timeout;
    this.maxRetries = maxRetries;
    this.firstBackoff = firstBackoff;
    this.maxBackoff = maxBackoff;
    this.longestWait =
        maxBackoff.compareTo(LONGEST_RETRY_AFTER) > 0 ? maxBackoff : LONGEST_RETRY_AFTER;
    this.models = new VendorChatModels(timeout, anthropicMaxTokens);
  }

  @Override
  public ChatStream stream(ChatCompletionRequest request, ChatStreamListener listener) {
    TracedChatListener traced = new TracedChatListener(tracer(), request, listener);
    try {
      Call call = new Call(
          models.of(request.model()),
          ChatRequests.toRequest(request),
          traced,
          request.model().vendor());
      call.start();
      return call;
    } catch (RuntimeException e) {
      traced.failedToStart(e);
      throw e;
    }
  }

  /** The server's tracer; a no-op one when the gateway was built by hand (tests) or traces are off. */
  private Tracer tracer() {
    return telemetry.getTracer("khoj4j");
  }

  @Override
  public ChatCompletion complete(ChatCompletionRequest request) {
    return complete(request, () -> false);
  }

  @Override
  public ChatCompletion complete(ChatCompletionRequest request, BooleanSupplier stop) {
    CompletableFuture<ChatCompletion> result = new CompletableFuture<>();
    ChatStream stream = stream(request, new ChatStreamListener() {
      @Override
      public void onText(String delta) {}

      @Override
      public void onThought(String delta) {}

      @Override
      public void onComplete(ChatCompletion completion) {
        result.complete(completion);
      }

      @Override
      public void onError(UpstreamFailureException error, boolean deliveredAnything) {
        result.completeExceptionally(error);
      }
    });
    long waitNanos = TimeUnit.MILLISECONDS.toNanos(
        timeout.toMillis() * (maxRetries + 1L) + longestWait.toMillis() * maxRetries);
    long deadline = System.nanoTime() + waitNanos;
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          stream.cancel();
          throw new UpstreamFailureException(
              "The language model did not answer in time", true, null);
        }
        try {
          return result.get(Math.min(left, STOP_POLL.toNanos()), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException stillRunning) {
          if (stop.getAsBoolean()) {
            stream.cancel();
            throw new CancellationException("the model call was abandoned");
          }
        }
      }
    } catch (ExecutionException e) {
      throw e.getCause() instanceof UpstreamFailureException u
          ? u
          : new UpstreamFailureException("The language model failed", true, e.getCause());
    } catch (InterruptedException e) {
      stream.cancel();
      Thread.currentThread().interrupt();
      throw new UpstreamFailureException(
          "Interrupted while waiting for the language model", true, e);
    }
  }

  /**
   * One answer, possibly over several attempts. Each attempt has its own handler, so whatever a failed or abandoned
   * attempt still sends is ignored; the listener hears from the current attempt only, and exactly one ending.
   */
  private final class Call implements ChatStream {

    private final StreamingChatModel model;
    private final ChatRequest request;
    private final ChatStreamListener listener;
    private final boolean needsFinishReason;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicInteger attempts = new AtomicInteger();
    private volatile Attempt current;
    /** Guarded by this: whether text or thoughts reached the listener, what they were, and whether it ended. */
    private boolean delivered;

    private boolean finished;
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder thought = new StringBuilder();

    Call(
        StreamingChatModel model,
        ChatRequest request,
        ChatStreamListener listener,
        ModelVendor vendor) {
      this.model = model;
      this.request = request;
      this.listener = listener;
      // Older Ollama servers name no done_reason; Ollama's done=true line is checked on the wire
      // instead.
      this.needsFinishReason = vendor != ModelVendor.OLLAMA;
    }

    void start() {
      Attempt attempt = new Attempt(this);
      current = attempt;
      // cancel() sets the flag before it reads current: either it sees this attempt, or this sees
      // the flag.
      if (cancelled.get()) {
        attempt.abandon();
        return;
      }
      attempt.begin();
    }

    @Override
    public void cancel() {
      cancelled.set(true);
      Attempt attempt = current;
      if (attempt != null) {
        attempt.abandon();
      }
    }

    /** Passes a delta on, unless the attempt is over; holding the lock keeps deltas from following an ending. */
    synchronized void deliver(Attempt from, String delta, boolean isThought) {
      if (from != current || from.isOver() || finished || cancelled.get()) {
        return;
      }
      delivered = true;
      if (isThought) {
        thought.append(delta);
        listener.onThought(delta);
      } else {
        text.append(delta);
        listener.onText(delta);
      }
    }

    synchronized void complete(Attempt from, ChatResponse response) {
      if (from != current || finished || cancelled.get()) {
        return;
      }
      if (needsFinishReason && response.finishReason() == null) {
        fail(
            from,
            new BrokenStreamException(
                BrokenStreamException.Kind.TRUNCATED,
                "the model provider's answer ended without a finish reason",
                null));
        return;
      }
      if (!from.end()) {
        return;
      }
      finished = true;
      AiMessage message = response.aiMessage();
      String answer = text.isEmpty() && message != null && message.text() != null
          ? message.text()
          : text.toString();
      String reasoning = thought.isEmpty() && message != null && message.thinking() != null
          ? message.thinking()
          : thought.toString();
      listener.onComplete(new ChatCompletion(
          answer, reasoning, ChatRequests.usage(response.tokenUsage()), ending(from, response)));
    }

    /**
     * How the answer ended, from LangChain4j's finish reason (OpenAI's {@code length} and {@code content_filter},
     * Anthropic's {@code max_tokens}, Gemini's {@code MAX_TOKENS} and its safety reasons, Ollama's {@code length}),
     * or from the stream itself where the vendor client hides or misnames it (Anthropic's {@code refusal} and
     * {@code model_context_window_exceeded}, Gemini's {@code LANGUAGE}).
     */
    private ChatCompletion.Ending ending(Attempt from, ChatResponse response) {
      Optional<ChatCompletion.Ending> stated = from.statedEnding();
      if (stated.isPresent()) {
        return stated.get();
      }
      FinishReason reason = response.finishReason();
      if (reason == FinishReason.LENGTH) {
        return ChatCompletion.Ending.CUT_AT_LENGTH;
      }
      return reason == FinishReason.CONTENT_FILTER
          ? ChatCompletion.Ending.REFUSED_BY_FILTER
          : ChatCompletion.Ending.COMPLETE;
    }

    /**
     * Ends the attempt; retries while nothing reached the listener, else reports the failure once. A retry waits for
     * the backoff and for the provider's Retry-After, whichever is longer; one that would have to wait longer than
     * the longest wait (the larger of the maximum backoff and 30 s) is not made.
     */
    synchronized void fail(Attempt from, Throwable error) {
      if (from != current || !from.end() || finished || cancelled.get()) {
        return;
      }
      from.abandon();
      UpstreamFailureException failure = ModelErrors.map(error);
      Optional<Duration> asked = failure.retryable() ? from.retryAfter() : Optional.empty();
      int n = attempts.incrementAndGet();
      boolean worthWaiting = asked.map(w -> w.compareTo(longestWait) <= 0).orElse(true);
      if (failure.retryable() && !delivered && n <= maxRetries && worthWaiting) {
        long backoff = Math.min(maxBackoff.toMillis(), firstBackoff.toMillis() << (n - 1));
        long delay = Math.max(backoff, asked.map(Duration::toMillis).orElse(0L));
        LOG.infof(
            "Language model call failed (%s); retry %d of %d in %d ms",
            failure.getMessage(), n, maxRetries, delay);
        // the attempt starts on a thread of its own: the scheduler's one thread also runs every
        // call's watchdog, and a vendor client may block the thread that starts it
        retries.schedule(
            () -> Thread.ofVirtual().name("chat-attempt").start(() -> {
              if (!cancelled.get()) {
                start();
              }
            }),
            delay,
            TimeUnit.MILLISECONDS);
        return;
      }
      if (!worthWaiting) {
        LOG.infof(
            "Language model call failed (%s); the provider asks to wait %s, longer than %s: not retried",
            failure.getMessage(), asked.get(), longestWait);
      }
      finished = true;
      // the wait is named only when it was not honoured: retries that ran out say "try again
      // shortly"
      listener.onError(
          worthWaiting ? failure : ModelErrors.withWait(failure, asked.get()), delivered);
    }
  }

  /** One HTTP call of a {@link Call}, with a watchdog for a provider that goes silent. */
  private final class Attempt implements StreamingChatResponseHandler {

    private final Call call;
    private final AtomicBoolean over = new AtomicBoolean();
    private final AtomicReference<StreamingHandle> handle = new AtomicReference<>();
    /** Closes this attempt's connection to the provider at any stage, even before it has sent a byte. */
    private final WholeStreamHttpClient.Exchange exchange = new WholeStreamHttpClient.Exchange();
    /**
     * Last time the provider sent text or reasoning; the exchange knows when it last sent anything at all (a keep-alive
     * event while the model reasons unseen counts). A stalled stream sends nothing and ends nothing.
     */
    private volatile long lastActivity = System.nanoTime();

    private volatile ScheduledFuture<?> watchdog;

    Attempt(Call call) {
      this.call = call;
    }

    void begin() {
      long period = Math.max(50, Math.min(1000, timeout.toMillis() / 3));
      watchdog =
          retries.scheduleAtFixedRate(this::checkAlive, period, period, TimeUnit.MILLISECONDS);
      try {
        WholeStreamHttpClient.Exchange.run(exchange, () -> call.model.chat(call.request, this));
      } catch (RuntimeException e) {
        call.fail(this, e);
      }
    }

    boolean isOver() {
      return over.get();
    }

    /** The wait the provider's error response asked for with its Retry-After. */
    Optional<Duration> retryAfter() {
      return exchange.retryAfter();
    }

    /** How the provider's stream said the answer ended, where its vendor client does not tell it right. */
    Optional<ChatCompletion.Ending> statedEnding() {
      return exchange.statedEnding();
    }

    /** Marks the attempt over; true for the one caller that ended it. */
    boolean end() {
      if (!over.compareAndSet(false, true)) {
        return false;
      }
      stopWatchdog();
      return true;
    }

    /** Ends the attempt and closes its HTTP connection, whether or not the provider has answered yet. */
    void abandon() {
      over.set(true);
      stopWatchdog();
      exchange.cancel();
      StreamingHandle h = handle.get();
      if (h != null && !h.isCancelled()) {
        h.cancel();
      }
    }

    private void checkAlive() {
      if (over.get()) {
        stopWatchdog();
      } else if (System.nanoTime() - Math.max(lastActivity, exchange.lastHeard())
          > timeout.toNanos()) {
        call.fail(this, new TimeoutException("the model provider stopped answering"));
      } else if (System.nanoTime() - lastActivity > timeout.toNanos() * EVENTS_WITHOUT_WORDS) {
        // keep-alive events forever and no word: a hung model behind a live connection
        call.fail(this, new TimeoutException("the model provider sent nothing but keep-alives"));
      }
    }

    private void stopWatchdog() {
      ScheduledFuture<?> w = watchdog;
      if (w != null) {
        w.cancel(false);
      }
    }

    /** Notes activity and the handle; stops the stream of an attempt that is already over. */
    private boolean live(StreamingHandle h) {
      lastActivity = System.nanoTime();
      if (h != null) {
        handle.compareAndSet(null, h);
      }
      if (over.get()) {
        if (h != null && !h.isCancelled()) {
          h.cancel();
        }
        return false;
      }
      return true;
    }

    @Override
    public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
      if (live(context.streamingHandle())
          && partial.text() != null
          && !partial.text().isEmpty()) {
        call.deliver(this, partial.text(), false);
      }
    }

    @Override
    public void onPartialThinking(PartialThinking partial, PartialThinkingContext context) {
      if (live(context.streamingHandle())
          && partial.text() != null
          && !partial.text().isEmpty()) {
        call.deliver(this, partial.text(), true);
      }
    }

    @Override
    public void onCompleteResponse(ChatResponse response) {
      call.complete(this, response);
    }

    @Override
    public void onError(Throwable error) {
      call.fail(this, error);
    }
  }
}
