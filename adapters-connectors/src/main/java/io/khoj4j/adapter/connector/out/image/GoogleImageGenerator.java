package io.khoj4j.adapter.connector.out.image;

import com.fasterxml.jackson.databind.JsonNode;
import io.khoj4j.adapter.connector.out.web.vendor.VendorHttp;
import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.out.tools.ImageGenerator;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Google's Generative Language API. Imagen models: {@code POST {base}/v1beta/models/{model}:predict}, answered
 * with {@code predictions[0].bytesBase64Encoded}. Gemini models that draw: {@code :generateContent} asking for
 * image output, answered with a part's {@code inlineData}. The key travels in {@code x-goog-api-key}.
 */
public final class GoogleImageGenerator implements ImageGenerator {

  public static final URI DEFAULT_URL = URI.create("https://generativelanguage.googleapis.com");
  private static final String VENDOR = "Google images";

  private final VendorHttp http;
  private final URI base;
  private final String apiKey;
  private final String model;

  public GoogleImageGenerator(VendorHttp http, URI base, String apiKey, String model) {
    this.http = Objects.requireNonNull(http, "http");
    this.base = Objects.requireNonNull(base, "base");
    this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
    this.model = Objects.requireNonNull(model, "model");
  }

  @Override
  public boolean available() {
    return true;
  }

  @Override
  public Image generate(Request request) {
    return model.startsWith("imagen") ? imagen(request) : gemini(request);
  }

  private Image imagen(Request request) {
    Map<String, Object> body = Map.of(
        "instances",
        List.of(Map.of("prompt", request.prompt())),
        "parameters",
        Map.of("sampleCount", 1, "aspectRatio", aspect(request.shape())));
    JsonNode first = post(":predict", body).path("predictions").path(0);
    if (!first.isObject()) {
      throw new UpstreamFailureException(
          VENDOR + " painted nothing (the prompt may have been filtered)", false, null);
    }
    return ImageAnswers.decoded(
        VENDOR,
        VendorHttp.text(first, "mimeType"),
        ImageAnswers.required(VENDOR, first, "bytesBase64Encoded"));
  }

  private Image gemini(Request request) {
    String prompt = request.prompt()
        + (request.shape() == Shape.SQUARE ? "" : "\n\nAspect ratio: " + aspect(request.shape()));
    Map<String, Object> body = Map.of(
        "contents",
        List.of(Map.of("role", "user", "parts", List.of(Map.of("text", prompt)))),
        "generationConfig",
        Map.of("responseModalities", List.of("TEXT", "IMAGE")));
    for (JsonNode part : post(":generateContent", body)
        .path("candidates")
        .path(0)
        .path("content")
        .path("parts")) {
      JsonNode data = part.has("inlineData") ? part.get("inlineData") : part.get("inline_data");
      if (data != null && data.isObject()) {
        String type = data.has("mimeType")
            ? VendorHttp.text(data, "mimeType")
            : VendorHttp.text(data, "mime_type");
        return ImageAnswers.decoded(VENDOR, type, ImageAnswers.required(VENDOR, data, "data"));
      }
    }
    throw new UpstreamFailureException(VENDOR + " answered without an image", false, null);
  }

  private JsonNode post(String method, Object body) {
    URI uri =
        URI.create(base.toString().replaceAll("/+$", "") + "/v1beta/models/" + model + method);
    return http.postJson(VENDOR, uri, Map.of("x-goog-api-key", apiKey), body);
  }

  private static String aspect(Shape shape) {
    return switch (shape) {
      case SQUARE -> "1:1";
      case PORTRAIT -> "9:16";
      case LANDSCAPE -> "16:9";
    };
  }
}
