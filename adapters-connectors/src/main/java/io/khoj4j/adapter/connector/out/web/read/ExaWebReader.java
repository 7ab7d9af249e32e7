package io.khoj4j.adapter.connector.out.web.read;

import com.fasterxml.jackson.databind.JsonNode;
import io.khoj4j.adapter.connector.out.web.vendor.Endpoints;
import io.khoj4j.adapter.connector.out.web.vendor.VendorHttp;
import io.khoj4j.application.port.out.tools.WebReader;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** Exa contents: {@code POST /contents {urls, text}} with {@code x-api-key}, answering {@code results[0].text}. */
public final class ExaWebReader implements WebReader {

  private final VendorHttp http;
  private final URI base;
  private final String apiKey;

  public ExaWebReader(VendorHttp http, URI base, String apiKey) {
    this.http = http;
    this.base = base;
    this.apiKey = apiKey;
  }

  @Override
  public boolean available() {
    return true;
  }

  @Override
  public Page read(URI url) {
    JsonNode answer = http.postJson(
        "Exa",
        Endpoints.at(base, "contents"),
        Map.of("x-api-key", apiKey),
        Map.of("urls", List.of(url.toString()), "text", true, "livecrawlTimeout", 15_000));
    JsonNode results = answer.path("results");
    return new Page(
        url,
        results.isArray() && !results.isEmpty() ? VendorHttp.text(results.get(0), "text") : "");
  }
}
