package io.khoj4j.adapter.connector.out.image;

import com.fasterxml.jackson.databind.JsonNode;
import io.khoj4j.adapter.connector.out.web.vendor.VendorHttp;
import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.out.tools.ImageGenerator;
import io.khoj4j.application.port.out.tools.UrlFetcher;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Replicate: {@code POST {base}/v1/models/{owner}/{name}/predictions} with {@code Prefer: wait}; a prediction
 * still running after the wait is polled at its {@code urls.get} (only on the configured Replicate host) until it
 * {@code succeeded} or {@code failed}/{@code canceled}. The output, one URL or a list of them, is loaded through the
 * SSRF-safe fetcher.
 */
public final class ReplicateImageGenerator implements ImageGenerator {

  public static final URI DEFAULT_URL = URI.create("https://api.replicate.com");
  private static final String VENDOR = "Replicate";

  /** How often and how many times a running prediction is asked for its state. */
  public record Polling(Duration interval, int attempts) {
    public Polling {
      Objects.requireNonNull(interval, "interval");
      if (interval.isNegative() || attempts < 1) {
        throw new IllegalArgumentException(
            "polling needs a non-negative interval and at least one attempt");
      }
    }
  }

  private final VendorHttp http;
  private final URI base;
  private final String apiKey;
  private final String model;
  private final Polling polling;
  private final ImageAnswers answers;

  public ReplicateImageGenerator(
      VendorHttp http, URI base, String apiKey, String model, Polling polling, UrlFetcher fetcher) {
    this.http = Objects.requireNonNull(http, "http");
    this.base = Objects.requireNonNull(base, "base");
    this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
    if (!model.matches("[\\w.-]+/[\\w.-]+")) {
      throw new IllegalArgumentException("a Replicate model is named owner/name: " + model);
    }
    this.model = model;
    this.polling = Objects.requireNonNull(polling, "polling");
    this.answers = new ImageAnswers(fetcher);
  }

  @Override
  public boolean available() {
    return true;
  }

  @Override
  public Image generate(Request request) {
    URI create =
        URI.create(base.toString().replaceAll("/+$", "") + "/v1/models/" + model + "/predictions");
    JsonNode prediction = http.postJson(
        VENDOR,
        create,
        Map.of("Authorization", "Bearer " + apiKey, "Prefer", "wait"),
        Map.of(
            "input",
            Map.of(
                "prompt",
                request.prompt(),
                "aspect_ratio",
                aspect(request.shape()),
                "output_format",
                "png")));
    for (int attempt = 0; running(prediction); attempt++) {
      if (attempt >= polling.attempts()) {
        throw new UpstreamFailureException(
            VENDOR + " did not finish the image in time", true, null);
      }
      pause();
      prediction = http.getJson(
          VENDOR, pollAddress(prediction), Map.of("Authorization", "Bearer " + apiKey));
    }
    String status = VendorHttp.text(prediction, "status");
    if (!status.equals("succeeded")) {
      String error =
          prediction.path("error").isTextual() ? ": " + prediction.path("error").asText() : "";
      throw new UpstreamFailureException(
          VENDOR + " prediction " + (status.isBlank() ? "has no status" : status) + error,
          false,
          null);
    }
    JsonNode output = prediction.path("output");
    JsonNode url = output.isArray() ? output.path(0) : output;
    if (!url.isTextual()) {
      throw new UpstreamFailureException(
          VENDOR + " prediction succeeded without an output URL", false, null);
    }
    String address = url.asText();
    // in sync mode ("Prefer: wait") some models answer the image itself as a data: URI
    java.util.regex.Matcher inline = DATA_URI.matcher(address);
    if (inline.matches()) {
      return ImageAnswers.decoded(VENDOR, inline.group(1), inline.group(2));
    }
    return answers.hosted(VENDOR, address);
  }

  private static final java.util.regex.Pattern DATA_URI =
      java.util.regex.Pattern.compile("(?s)^data:([^;,]+);base64,(.*)$");

  private static boolean running(JsonNode prediction) {
    String status = VendorHttp.text(prediction, "status");
    return status.equals("starting") || status.equals("processing");
  }

  private URI pollAddress(JsonNode prediction) {
    String get = VendorHttp.text(prediction.path("urls"), "get");
    URI uri;
    try {
      uri = URI.create(get);
    } catch (IllegalArgumentException e) {
      throw new UpstreamFailureException(
          VENDOR + " sent a prediction address that is not a URL", false, e);
    }
    if (get.isBlank()
        || !Objects.equals(uri.getScheme(), base.getScheme())
        || !Objects.equals(uri.getHost(), base.getHost())
        || uri.getPort() != base.getPort()) {
      throw new UpstreamFailureException(
          VENDOR + " sent a prediction address outside its API", false, null);
    }
    return uri;
  }

  private void pause() {
    try {
      Thread.sleep(polling.interval());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UpstreamFailureException(VENDOR + " call was interrupted", false, e);
    }
  }

  private static String aspect(Shape shape) {
    return switch (shape) {
      case SQUARE -> "1:1";
      case PORTRAIT -> "9:16";
      case LANDSCAPE -> "16:9";
    };
  }
}
