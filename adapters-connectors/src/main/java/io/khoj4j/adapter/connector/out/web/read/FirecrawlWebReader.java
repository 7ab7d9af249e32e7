package io.khoj4j.adapter.connector.out.web.read;

import com.fasterxml.jackson.databind.JsonNode;
import io.khoj4j.adapter.connector.out.web.vendor.Endpoints;
import io.khoj4j.adapter.connector.out.web.vendor.VendorHttp;
import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.out.tools.WebReader;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Firecrawl scrape: {@code POST /v2/scrape} with a bearer key, answering {@code data.markdown}. */
public final class FirecrawlWebReader implements WebReader {

  private final VendorHttp http;
  private final URI base;
  private final String apiKey;

  public FirecrawlWebReader(VendorHttp http, URI base, String apiKey) {
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
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("url", url.toString());
    body.put("formats", List.of("markdown"));
    body.put("excludeTags", List.of("script", ".ad"));
    body.put("removeBase64Images", true);
    body.put("maxAge", 86_400_000L);
    JsonNode answer = http.postJson(
        "Firecrawl",
        Endpoints.at(base, "v2/scrape"),
        Map.of("Authorization", "Bearer " + apiKey),
        body);
    if (answer.has("success") && !answer.path("success").asBoolean(true)) {
      throw new UpstreamFailureException(
          "Firecrawl could not read " + url + ": " + VendorHttp.text(answer, "error"), false, null);
    }
    return new Page(url, VendorHttp.text(answer.path("data"), "markdown"));
  }
}
