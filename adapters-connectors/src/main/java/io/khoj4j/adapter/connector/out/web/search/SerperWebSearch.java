package io.khoj4j.adapter.connector.out.web.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.khoj4j.adapter.connector.out.web.vendor.Endpoints;
import io.khoj4j.adapter.connector.out.web.vendor.VendorHttp;
import io.khoj4j.application.port.out.tools.WebSearch;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Serper (Google results): {@code POST /search} with {@code X-API-KEY}; Khoj's {@code SERPER_DEV_API_KEY}. */
public final class SerperWebSearch implements WebSearch {

  public static final URI DEFAULT_URL = URI.create("https://google.serper.dev");
  private final VendorHttp http;
  private final URI base;
  private final String apiKey;

  public SerperWebSearch(VendorHttp http, URI base, String apiKey) {
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
    body.put("q", query.text().length() > 2048 ? query.text().substring(0, 2048) : query.text());
    query.countryCode().ifPresent(c -> body.put("gl", c.toLowerCase(java.util.Locale.ROOT)));
    JsonNode answer =
        http.postJson("Serper", Endpoints.at(base, "search"), Map.of("X-API-KEY", apiKey), body);
    List<Hit> hits = new ArrayList<>();
    for (JsonNode item : answer.path("organic")) {
      String link = VendorHttp.text(item, "link");
      if (!link.isBlank() && hits.size() < query.maxResults()) {
        hits.add(new Hit(VendorHttp.text(item, "title"), link, VendorHttp.text(item, "snippet")));
      }
    }
    Optional<Answer> box = Optional.empty();
    JsonNode a = answer.get("answerBox");
    if (a != null && a.isObject()) {
      String text = VendorHttp.text(a, "answer").isBlank()
          ? VendorHttp.text(a, "snippet")
          : VendorHttp.text(a, "answer");
      String link = VendorHttp.text(a, "link");
      if (!text.isBlank()) {
        box = Optional.of(new Answer(
            VendorHttp.text(a, "title"),
            text,
            link.isBlank() ? Optional.empty() : Optional.of(link)));
      }
    }
    return new Results(query.text(), hits, box);
  }
}
