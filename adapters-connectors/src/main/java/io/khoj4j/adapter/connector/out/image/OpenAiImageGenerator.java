package io.khoj4j.adapter.connector.out.image;

import com.fasterxml.jackson.databind.JsonNode;
import io.khoj4j.adapter.connector.out.web.vendor.VendorHttp;
import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.out.tools.ImageGenerator;
import io.khoj4j.application.port.out.tools.UrlFetcher;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * OpenAI's images API and servers that copy it (LocalAI, …): {@code POST {base}/images/generations} with the model,
 * prompt and size; the answer's {@code data[0]} holds {@code b64_json} or a {@code url}. DALL·E models are asked for
 * base64; GPT image models always answer base64 and refuse the {@code response_format} field.
 */
public final class OpenAiImageGenerator implements ImageGenerator {

  public static final URI DEFAULT_URL = URI.create("https://api.openai.com/v1");
  private static final String VENDOR = "OpenAI images";

  private final VendorHttp http;
  private final URI base;
  private final String apiKey;
  private final String model;
  private final ImageAnswers answers;

  public OpenAiImageGenerator(
      VendorHttp http, URI base, String apiKey, String model, UrlFetcher fetcher) {
    this.http = Objects.requireNonNull(http, "http");
    this.base = Objects.requireNonNull(base, "base");
    this.apiKey = apiKey == null ? "" : apiKey;
    this.model = Objects.requireNonNull(model, "model");
    this.answers = new ImageAnswers(fetcher);
  }

  @Override
  public boolean available() {
    return true;
  }

  @Override
  public Image generate(Request request) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("model", model);
    body.put("prompt", request.prompt());
    body.put("n", 1);
    body.put("size", size(request.shape()));
    if (!model.startsWith("gpt-image")) {
      body.put("response_format", "b64_json");
    }
    Map<String, String> headers =
        apiKey.isBlank() ? Map.of() : Map.of("Authorization", "Bearer " + apiKey);
    JsonNode answer = http.postJson(
        VENDOR,
        URI.create(base.toString().replaceAll("/+$", "") + "/images/generations"),
        headers,
        body);
    JsonNode first = answer.path("data").path(0);
    if (!first.isObject()) {
      throw new UpstreamFailureException(VENDOR + " sent an answer without data", false, null);
    }
    String b64 = VendorHttp.text(first, "b64_json");
    if (!b64.isBlank()) {
      String format = VendorHttp.text(answer, "output_format");
      return ImageAnswers.decoded(VENDOR, format.isBlank() ? "image/png" : "image/" + format, b64);
    }
    return answers.hosted(VENDOR, ImageAnswers.required(VENDOR, first, "url"));
  }

  private String size(Shape shape) {
    boolean dalle3 = model.startsWith("dall-e-3");
    return switch (shape) {
      case SQUARE -> "1024x1024";
      case PORTRAIT -> dalle3 ? "1024x1792" : "1024x1536";
      case LANDSCAPE -> dalle3 ? "1792x1024" : "1536x1024";
    };
  }
}
