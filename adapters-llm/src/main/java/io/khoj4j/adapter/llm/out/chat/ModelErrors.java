package io.khoj4j.adapter.llm.out.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.exception.TimeoutException;
import io.khoj4j.application.error.UpstreamFailureException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** Turns whatever a vendor call threw into the core's failure, with a message safe to show and a retry verdict. */
final class ModelErrors {

  private ModelErrors() {}

  static UpstreamFailureException map(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof BrokenStreamException broken) {
        return new UpstreamFailureException(
            broken.kind() == BrokenStreamException.Kind.TRUNCATED
                ? "the model provider's answer broke off"
                : "the model provider's answer could not be read",
            true,
            error);
      }
      if (t instanceof JsonProcessingException) {
        return new UpstreamFailureException(
            "the model provider's answer could not be read", true, error);
      }
    }
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root && !(root instanceof HttpException)) {
      if (root instanceof RetriableException || root instanceof TimeoutException) {
        break;
      }
      root = root.getCause();
    }
    if (mentions(error, "insufficient_quota")) {
      // OpenAI answers 429 both for a rate limit and for an account without credit: waiting helps
      // only the first
      return new UpstreamFailureException(
          "the model provider's account has no credit left (insufficient_quota): see its plan and billing",
          false,
          error);
    }
    return switch (root) {
      case RateLimitException r ->
        new UpstreamFailureException("rate limited by the model provider (429)", true, error);
      case AuthenticationException a ->
        new UpstreamFailureException("the model provider rejected the API key", false, error);
      case ModelNotFoundException m ->
        new UpstreamFailureException("the model does not exist at the provider", false, error);
      case InvalidRequestException i ->
        new UpstreamFailureException("the model provider refused the request", false, error);
      case TimeoutException t ->
        new UpstreamFailureException("the model provider timed out", true, error);
      case HttpTimeoutException t ->
        new UpstreamFailureException("the model provider timed out", true, error);
      case HttpException h -> status(h.statusCode(), error);
      case RetriableException r ->
        new UpstreamFailureException("the model provider failed", true, error);
      case IOException io ->
        new UpstreamFailureException("the model provider could not be reached", true, error);
      case UncheckedIOException io ->
        new UpstreamFailureException("the model provider could not be reached", true, error);
      default -> fromMessage(error);
    };
  }

  /** The failure, its message saying when the provider asks to be called again (from its {@code Retry-After}). */
  static UpstreamFailureException withWait(UpstreamFailureException failure, Duration wait) {
    return new UpstreamFailureException(
        failure.getMessage() + "; it asks to retry in " + RetryAfter.describe(wait),
        failure.retryable(),
        failure.getCause(),
        wait);
  }

  /** Whether a message in the error's chain names {@code code} (vendors put their error body there). */
  private static boolean mentions(Throwable error, String code) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains(code)) {
        return true;
      }
    }
    return false;
  }

  private static UpstreamFailureException status(int status, Throwable error) {
    boolean retryable = status == 408 || status == 409 || status == 429 || status >= 500;
    return new UpstreamFailureException(
        "the model provider answered HTTP " + status, retryable, error);
  }

  /** Some vendor clients report a broken stream or a parse failure as a bare runtime exception. */
  private static UpstreamFailureException fromMessage(Throwable error) {
    String message = String.valueOf(error.getMessage());
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\\b([45]\\d\\d)\\b").matcher(message);
    if (m.find() && message.toLowerCase(java.util.Locale.ROOT).contains("status")) {
      return status(Integer.parseInt(m.group(1)), error);
    }
    return new UpstreamFailureException(
        "the model provider's answer could not be read", true, error);
  }
}
