package io.khoj4j.adapter.connector.out.image;

import io.khoj4j.adapter.connector.out.web.vendor.VendorHttp;
import io.khoj4j.application.port.out.tools.ImageGenerator;
import io.khoj4j.application.port.out.tools.ImageGenerators;
import io.khoj4j.application.port.out.tools.UrlFetcher;
import io.khoj4j.domain.image.ImageModel;
import java.util.Optional;

/**
 * An administrator's image model as the vendor generator this adapter has for its kind, at the model's API address
 * or the vendor's public one; hosted outputs are loaded through the SSRF-safe fetcher (ADR 25).
 */
public final class VendorImageGenerators implements ImageGenerators {

  private final VendorHttp http;
  private final ReplicateImageGenerator.Polling polling;
  private final UrlFetcher fetcher;

  public VendorImageGenerators(
      VendorHttp http, ReplicateImageGenerator.Polling polling, UrlFetcher fetcher) {
    this.http = http;
    this.polling = polling;
    this.fetcher = fetcher;
  }

  @Override
  public ImageGenerator forModel(ImageModel model, Optional<String> apiKey) {
    String key = apiKey.orElse("");
    return switch (model.kind()) {
      case OPENAI ->
        new OpenAiImageGenerator(
            http,
            model.apiUrl().orElse(OpenAiImageGenerator.DEFAULT_URL),
            key,
            model.name(),
            fetcher);
      case GOOGLE ->
        new GoogleImageGenerator(
            http, model.apiUrl().orElse(GoogleImageGenerator.DEFAULT_URL), key, model.name());
      case REPLICATE ->
        new ReplicateImageGenerator(
            http,
            model.apiUrl().orElse(ReplicateImageGenerator.DEFAULT_URL),
            key,
            model.name(),
            polling,
            fetcher);
    };
  }
}
