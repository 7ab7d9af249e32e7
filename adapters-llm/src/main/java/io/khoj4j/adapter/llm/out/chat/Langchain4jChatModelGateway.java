package io.khoj4j.adapter.llm.out.chat;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.PartialThinkingContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.googleai.GoogleAiGeminiStreamingChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.openai.OpenAiTokenUsage;
import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.out.chat.ChatCompletion;
import io.khoj4j.application.port.out.chat.ChatCompletionRequest;
import io.khoj4j.application.port.out.chat.ChatModelGateway;
import io.khoj4j.application.port.out.chat.ChatStream;
import io.khoj4j.application.port.out.chat.ChatStreamListener;
import io.khoj4j.domain.chat.ChatModelEndpoint;
import io.khoj4j.domain.chat.ModelVendor;
import io.khoj4j.domain.chat.PromptMessage;
import io.khoj4j.domain.chat.TokenUsage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Chat models of every vendor through LangChain4j's streaming models: OpenAI and any OpenAI-compatible server,
 * Anthropic, Google Gemini, Ollama's native API. Text and reasoning deltas go to the listener as they arrive.
 *
 * <p>Failures that are safe to retry (429, 5xx, timeouts, connection errors, a broken stream) are retried with
 * exponential backoff — but only while nothing has reached the listener, so a user never sees an answer twice. Then
 * they surface as {@link UpstreamFailureException}. Cancelling stops the HTTP stream.
 */
@ApplicationScoped
public class Langchain4jChatModelGateway implements ChatModelGateway {

  private static final Logger LOG = Logger.getLogger(Langchain4jChatModelGateway.class);

  private final Duration timeout;
  private final int maxRetries;
  private final Duration firstBackoff;
  private final Duration maxBackoff;
  private final int anthropicMaxTokens;
  private final Map<String, StreamingChatModel> models = new ConcurrentHashMap<>();
  private final ScheduledExecutorService retries =
      Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("chat-retry").factory());

  @Inject
  public Langchain4jChatModelGateway(
      @ConfigProperty(name = "khoj.chat.model.timeout", defaultValue = "PT120S") Duration timeout,
      @ConfigProperty(name = "khoj.chat.model.max-retries", defaultValue = "3") int maxRetries,
      @ConfigProperty(name = "khoj.chat.model.first-backoff", defaultValue = "PT1S") Duration firstBackoff,
      @ConfigProperty(name = "khoj.chat.model.max-backoff", defaultValue = "PT20S") Duration maxBackoff,
      @ConfigProperty(name = "khoj.chat.model.anthropic-max-tokens", defaultValue = "8000") int anthropicMaxTokens) {
    this.timeout = timeout;
    this.maxRetries = maxRetries;
    this.firstBackoff = firstBackoff;
    this.maxBackoff = maxBackoff;
    this.anthropicMaxTokens = anthropicMaxTokens;
  }

  @Override
  public ChatStream stream(ChatCompletionRequest request, ChatStreamListener listener) {
    Call call = new Call(model(request.model()), toRequest(request), listener);
    call.start();
    return call;
  }

  @Override
  public ChatCompletion complete(ChatCompletionRequest request) {
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
    long waitMillis = timeout.toMillis() * (maxRetries + 1L) + maxBackoff.toMillis() * maxRetries;
    try {
      return result.get(waitMillis, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof UpstreamFailureException u ? u
          : new UpstreamFailureException("The language model failed", true, e.getCause());
    } catch (java.util.concurrent.TimeoutException e) {
      stream.cancel();
      throw new UpstreamFailureException("The language model did not answer in time", true, e);
    } catch (InterruptedException e) {
      stream.cancel();
      Thread.currentThread().interrupt();
      throw new UpstreamFailureException("Interrupted while waiting for the language model", true, e);
    }
  }

  /** One answer, possibly over several attempts. */
  private final class Call implements ChatStream, StreamingChatResponseHandler {

    private final StreamingChatModel model;
    private final ChatRequest request;
    private final ChatStreamListener listener;
    private final AtomicBoolean delivered = new AtomicBoolean();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicBoolean finished = new AtomicBoolean();
    private final AtomicInteger attempt = new AtomicInteger();
    private final AtomicReference<StreamingHandle> handle = new AtomicReference<>();
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder thought = new StringBuilder();
    /** Last time the provider sent anything; some vendor clients end a truncated stream without any callback. */
    private volatile long lastActivity = System.nanoTime();
    private volatile java.util.concurrent.ScheduledFuture<?> watchdog;

    Call(StreamingChatModel model, ChatRequest request, ChatStreamListener listener) {
      this.model = model;
      this.request = request;
      this.listener = listener;
    }

    void start() {
      lastActivity = System.nanoTime();
      int thisAttempt = attempt.get();
      long period = Math.max(50, Math.min(1000, timeout.toMillis() / 3));
      watchdog = retries.scheduleAtFixedRate(() -> checkAlive(thisAttempt), period, period, TimeUnit.MILLISECONDS);
      try {
        model.chat(request, this);
      } catch (RuntimeException e) {
        onError(e);
      }
    }

    private void checkAlive(int attemptWatched) {
      if (finished.get() || cancelled.get() || attempt.get() != attemptWatched) {
        stopWatchdog();
        return;
      }
      if (System.nanoTime() - lastActivity > timeout.toNanos()) {
        stopWatchdog();
        StreamingHandle h = handle.getAndSet(null);
        if (h != null && !h.isCancelled()) {
          h.cancel();
        }
        onError(new TimeoutException("the model provider stopped answering"));
      }
    }

    private void stopWatchdog() {
      var w = watchdog;
      if (w != null) {
        w.cancel(false);
      }
    }

    @Override
    public void cancel() {
      cancelled.set(true);
      stopWatchdog();
      StreamingHandle h = handle.get();
      if (h != null && !h.isCancelled()) {
        h.cancel();
      }
    }

    private boolean stopIfCancelled(StreamingHandle h) {
      lastActivity = System.nanoTime();
      handle.compareAndSet(null, h);
      if (cancelled.get()) {
        if (!h.isCancelled()) {
          h.cancel();
        }
        return true;
      }
      return false;
    }

    @Override
    public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
      if (stopIfCancelled(context.streamingHandle()) || partial.text() == null || partial.text().isEmpty()) {
        return;
      }
      delivered.set(true);
      synchronized (text) {
        text.append(partial.text());
      }
      listener.onText(partial.text());
    }

    @Override
    public void onPartialThinking(PartialThinking partial, PartialThinkingContext context) {
      if (stopIfCancelled(context.streamingHandle()) || partial.text() == null || partial.text().isEmpty()) {
        return;
      }
      delivered.set(true);
      synchronized (thought) {
        thought.append(partial.text());
      }
      listener.onThought(partial.text());
    }

    @Override
    public void onCompleteResponse(ChatResponse response) {
      if (cancelled.get() || !finished.compareAndSet(false, true)) {
        return;
      }
      stopWatchdog();
      String answer;
      synchronized (text) {
        answer = text.isEmpty() && response.aiMessage() != null && response.aiMessage().text() != null
            ? response.aiMessage().text() : text.toString();
      }
      String reasoning;
      synchronized (thought) {
        reasoning = thought.isEmpty() && response.aiMessage() != null && response.aiMessage().thinking() != null
            ? response.aiMessage().thinking() : thought.toString();
      }
      listener.onComplete(new ChatCompletion(answer, reasoning, usage(response.tokenUsage())));
    }

    @Override
    public synchronized void onError(Throwable error) {
      if (cancelled.get() || finished.get()) {
        return;
      }
      stopWatchdog();
      UpstreamFailureException failure = ModelErrors.map(error);
      int n = attempt.incrementAndGet();
      if (failure.retryable() && !delivered.get() && n <= maxRetries) {
        long delay = Math.min(maxBackoff.toMillis(), firstBackoff.toMillis() << (n - 1));
        LOG.infof("Language model call failed (%s); retry %d of %d in %d ms", failure.getMessage(), n, maxRetries,
            delay);
        retries.schedule(() -> {
          if (!cancelled.get()) {
            start();
          }
        }, delay, TimeUnit.MILLISECONDS);
        return;
      }
      if (finished.compareAndSet(false, true)) {
        listener.onError(failure, delivered.get());
      }
    }
  }

  static TokenUsage usage(dev.langchain4j.model.output.TokenUsage usage) {
    if (usage == null) {
      return TokenUsage.NONE;
    }
    int thoughts = 0;
    int cached = 0;
    if (usage instanceof OpenAiTokenUsage openAi) {
      if (openAi.outputTokensDetails() != null && openAi.outputTokensDetails().reasoningTokens() != null) {
        thoughts = openAi.outputTokensDetails().reasoningTokens();
      }
      if (openAi.inputTokensDetails() != null && openAi.inputTokensDetails().cachedTokens() != null) {
        cached = openAi.inputTokensDetails().cachedTokens();
      }
    }
    return new TokenUsage(orZero(usage.inputTokenCount()), orZero(usage.outputTokenCount()), thoughts, cached, 0, 0);
  }

  private static int orZero(Integer n) {
    return n == null ? 0 : n;
  }

  // ------------------------------------------------------------------ requests and models

  private ChatRequest toRequest(ChatCompletionRequest request) {
    List<ChatMessage> messages = new ArrayList<>();
    List<PromptMessage> prompt = request.messages();
    for (int i = 0; i < prompt.size(); i++) {
      PromptMessage m = prompt.get(i);
      boolean last = i == prompt.size() - 1;
      String text = m.text();
      if (last && request.jsonSchema().isPresent()) {
        text = text + "\n\nAnswer with a single JSON object that follows this JSON Schema, and nothing else:\n"
            + request.jsonSchema().get();
      }
      messages.add(switch (m) {
        case PromptMessage.System s -> SystemMessage.from(s.text());
        case PromptMessage.Assistant a -> AiMessage.from(a.text());
        case PromptMessage.User u -> userMessage(text, request.model().vision() ? u.images() : List.of());
      });
    }
    ChatRequest.Builder builder = ChatRequest.builder().messages(messages);
    request.temperature().ifPresent(builder::temperature);
    request.maxOutputTokens().ifPresent(builder::maxOutputTokens);
    if (request.jsonSchema().isPresent() && request.model().vendor() != ModelVendor.ANTHROPIC) {
      builder.responseFormat(ResponseFormat.JSON);
    }
    return builder.build();
  }

  private static UserMessage userMessage(String text, List<String> images) {
    if (images.isEmpty()) {
      return UserMessage.from(text);
    }
    List<Content> contents = new ArrayList<>();
    contents.add(TextContent.from(text));
    for (String image : images) {
      if (image.startsWith("data:") && image.contains(";base64,")) {
        String mime = image.substring(5, image.indexOf(';'));
        contents.add(ImageContent.from(image.substring(image.indexOf(";base64,") + 8), mime));
      } else {
        contents.add(ImageContent.from(image));
      }
    }
    return UserMessage.from(contents);
  }

  private StreamingChatModel model(ChatModelEndpoint endpoint) {
    String key = endpoint.vendor() + "|" + endpoint.baseUrl() + "|" + endpoint.modelName() + "|"
        + Integer.toHexString(endpoint.apiKey().hashCode());
    return models.computeIfAbsent(key, k -> build(endpoint));
  }

  private StreamingChatModel build(ChatModelEndpoint e) {
    String apiKey = e.apiKey().isBlank() ? "not-needed" : e.apiKey();
    return switch (e.vendor()) {
      case OPENAI -> {
        var b = OpenAiStreamingChatModel.builder().apiKey(apiKey).modelName(e.modelName()).timeout(timeout)
            .returnThinking(true);
        if (e.baseUrl() != null) {
          b.baseUrl(e.baseUrl());
        }
        yield b.build();
      }
      case ANTHROPIC -> {
        var b = AnthropicStreamingChatModel.builder().apiKey(apiKey).modelName(e.modelName()).timeout(timeout)
            .maxTokens(anthropicMaxTokens).returnThinking(true);
        if (e.baseUrl() != null) {
          b.baseUrl(e.baseUrl());
        }
        yield b.build();
      }
      case GOOGLE -> {
        var b = GoogleAiGeminiStreamingChatModel.builder().apiKey(apiKey).modelName(e.modelName()).timeout(timeout)
            .returnThinking(true);
        if (e.baseUrl() != null) {
          b.baseUrl(e.baseUrl());
        }
        yield b.build();
      }
      case OLLAMA -> OllamaStreamingChatModel.builder()
          .baseUrl(e.baseUrl() == null ? "http://localhost:11434" : e.baseUrl()).modelName(e.modelName())
          .timeout(timeout).returnThinking(true).build();
    };
  }
}
