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

/**
 * Google Programmable Search (Custom Search JSON API): {@code GET /customsearch/v1?key&cx&q}; Khoj's
 * {@code GOOGLE_SEARCH_API_KEY} and {@code GOOGLE_SEARCH_ENGINE_ID}. The API returns at most 10 results a call.
 */
public final class GoogleWebSearch implements WebSearch {

  public static final URI DEFAULT_URL = URI.create("https://www.googleapis.com");
  private final VendorHttp http;
  private final URI base;
  private final String apiKey;
  private final String engineId;

  public GoogleWebSearch(VendorHttp http, URI base, String apiKey, String engineId) {
    this.http = http;
    this.base = base;
    this.apiKey = apiKey;
    this.engineId = engineId;
  }

  @Override
  public boolean available() {
    return true;
  }

  @Override
  public Results search(Query query) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("key", apiKey);
    params.put("cx", engineId);
    params.put("q", query.text());
    params.put("num", String.valueOf(Math.min(10, query.maxResults())));
    query.countryCode().ifPresent(c -> {
      params.put("cr", "country" + c.toUpperCase(Locale.ROOT));
      params.put("gl", c.toLowerCase(Locale.ROOT));
    });
    URI uri = URI.create(Endpoints.at(base, "customsearch/v1") + "?" + VendorHttp.query(params));
    JsonNode answer = http.getJson("Google search", uri, Map.of());
    List<Hit> hits = new ArrayList<>();
    for (JsonNode item : answer.path("items")) {
      String link = VendorHttp.text(item, "link");
      if (!link.isBlank()) {
        hits.add(new Hit(VendorHttp.text(item, "title"), link, VendorHttp.text(item, "snippet")));
      }
    }
    return new Results(query.text(), hits, Optional.empty());
  }
}
