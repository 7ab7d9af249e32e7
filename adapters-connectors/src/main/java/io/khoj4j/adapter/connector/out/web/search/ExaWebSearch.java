package io.khoj4j.adapter.connector.out.web.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.khoj4j.adapter.connector.out.web.vendor.Endpoints;
import io.khoj4j.adapter.connector.out.web.vendor.VendorHttp;
import io.khoj4j.application.port.out.tools.WebSearch;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Exa: {@code POST /search} with {@code x-api-key}; Khoj's {@code EXA_API_KEY} and {@code EXA_API_URL}. */
public final class ExaWebSearch implements WebSearch {

  public static final URI DEFAULT_URL = URI.create("https://api.exa.ai");
  private final VendorHttp http;
  private final URI base;
  private final String apiKey;

  public ExaWebSearch(VendorHttp http, URI base, String apiKey) {
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
    body.put("type", "auto");
    query.countryCode().ifPresent(c -> body.put("userLocation", c.toUpperCase(Locale.ROOT)));
    body.put("numResults", query.maxResults());
    body.put("contents", Map.of("text", false, "highlights", Map.of("maxCharacters", 500)));
    JsonNode answer =
        http.postJson("Exa", Endpoints.at(base, "search"), Map.of("x-api-key", apiKey), body);
    List<Hit> hits = new ArrayList<>();
    for (JsonNode item : answer.path("results")) {
      String link = VendorHttp.text(item, "url");
      if (!link.isBlank()) {
        JsonNode highlights = item.path("highlights");
        String snippet =
            highlights.isArray() && !highlights.isEmpty() ? highlights.get(0).asText("") : "";
        hits.add(new Hit(VendorHttp.text(item, "title"), link, snippet));
      }
    }
    return new Results(query.text(), hits, Optional.empty());
  }
}
