package io.khoj4j.application.service.chat.tool;

import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.out.chat.ChatCompletion;
import io.khoj4j.application.port.out.chat.ChatCompletionRequest;
import io.khoj4j.application.port.out.chat.ChatModelGateway;
import io.khoj4j.application.port.out.chat.ModelReplyReader;
import io.khoj4j.domain.chat.ChatModelEndpoint;
import io.khoj4j.domain.chat.PromptMessage;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The short model calls a tool makes before the answer (write queries, code, a diagram, an image description): one
 * prompt, the whole reply at once. A failed call is logged and gives nothing; the tool then falls back. A call whose
 * {@code stop} turns true (the client left) is aborted and gives nothing either.
 */
public final class ModelCalls {

  private static final Logger LOG = System.getLogger(ModelCalls.class.getName());
  private static final Pattern FENCE =
      Pattern.compile("```[\\w-]*[ \\t]*\\R(.*?)```", Pattern.DOTALL);

  private final ChatModelGateway gateway;
  private final ModelReplyReader replies;

  public ModelCalls(ChatModelGateway gateway, ModelReplyReader replies) {
    this.gateway = gateway;
    this.replies = replies;
  }

  /** A reply that must be a JSON object of the schema. */
  Optional<ChatCompletion> json(
      ChatModelEndpoint model, String prompt, String schema, String purpose, BooleanSupplier stop) {
    return call(
        ChatCompletionRequest.of(model, List.of(new PromptMessage.User(prompt))).asJson(schema),
        purpose,
        stop);
  }

  Optional<ChatCompletion> text(
      ChatModelEndpoint model, String prompt, String purpose, BooleanSupplier stop) {
    return call(
        ChatCompletionRequest.of(model, List.of(new PromptMessage.User(prompt))), purpose, stop);
  }

  private Optional<ChatCompletion> call(
      ChatCompletionRequest request, String purpose, BooleanSupplier stop) {
    if (stop.getAsBoolean()) {
      return Optional.empty();
    }
    try {
      return Optional.of(gateway.complete(request, stop));
    } catch (CancellationException clientLeft) {
      return Optional.empty();
    } catch (UpstreamFailureException e) {
      LOG.log(Level.WARNING, "The model failed to {0}: {1}", purpose, e.getMessage());
      return Optional.empty();
    }
  }

  /** The strings of an array field of a JSON reply ({@link ModelReplyReader#strings}). */
  List<String> strings(ChatCompletion reply, String field) {
    return replies.strings(reply.text(), field);
  }

  /** A string field of a JSON reply ({@link ModelReplyReader#string}). */
  Optional<String> string(ChatCompletion reply, String field) {
    return replies.string(reply.text(), field);
  }

  /** An object field of a JSON reply as JSON text ({@link ModelReplyReader#object}). */
  Optional<String> object(ChatCompletion reply, String field) {
    return replies.object(reply.text(), field);
  }

  /** The body of the first fenced code block, or the whole reply when it has none. */
  static String fencedCode(String reply) {
    Matcher m = FENCE.matcher(reply);
    return (m.find() ? m.group(1) : reply).strip();
  }
}
