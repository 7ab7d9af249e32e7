package io.khoj4j.adapter.connector.out.web.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.khoj4j.adapter.connector.out.web.vendor.Endpoints;
import io.khoj4j.adapter.connector.out.web.vendor.VendorHttp;
import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.out.tools.WebSearch;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Firecrawl: {@code POST /v2/search} with a bearer key; Khoj's {@code FIRECRAWL_API_KEY}, {@code FIRECRAWL_API_URL}. */
public final class FirecrawlWebSearch implements WebSearch {

  public static final URI DEFAULT_URL = URI.create("https://api.firecrawl.dev");
  private final VendorHttp http;
  private final URI base;
  private final String apiKey;

  public FirecrawlWebSearch(VendorHttp http, URI base, String apiKey) {
    this.http = http;
    this.base = base;
    this.apiKey = apiKey;
  }

  @Override
  public boolean available() {
    return true;
  }

  @Override
  public Results search(Query query) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("query", query.text());
    body.put("limit", query.maxResults());
    query.countryCode().ifPresent(c -> body.put("country", c));
    body.put("lang", "en");
    body.put("timeout", 10_000);
    body.put("scrapeOptions", Map.of());
    JsonNode answer = http.postJson(
        "Firecrawl",
        Endpoints.at(base, "v2/search"),
        Map.of("Authorization", "Bearer " + apiKey),
        body);
    if (answer.has("success") && !answer.path("success").asBoolean(true)) {
      throw new UpstreamFailureException(
          "Firecrawl could not search: " + VendorHttp.text(answer, "error"), false, null);
    }
    List<Hit> hits = new ArrayList<>();
    for (JsonNode item : answer.path("data").path("web")) {
      String link = VendorHttp.text(item, "url");
      if (!link.isBlank()) {
        hits.add(
            new Hit(VendorHttp.text(item, "title"), link, VendorHttp.text(item, "description")));
      }
    }
    return new Results(query.text(), hits, Optional.empty());
  }
}
