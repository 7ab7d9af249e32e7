package io.khoj4j.adapter.connector.out.web.read;

import com.fasterxml.jackson.databind.JsonNode;
import io.khoj4j.adapter.connector.out.web.vendor.VendorHttp;
import io.khoj4j.application.port.out.tools.WebReader;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** Olostep: {@code GET {api}?url=…} with a bearer key, answering {@code markdown_content}; Khoj's OLOSTEP_API_KEY. */
public final class OlostepWebReader implements WebReader {

  public static final URI DEFAULT_URL =
      URI.create("https://agent.olostep.com/olostep-p2p-incomingAPI");
  private final VendorHttp http;
  private final URI api;
  private final String apiKey;

  public OlostepWebReader(VendorHttp http, URI api, String apiKey) {
    this.http = http;
    this.api = api;
    this.apiKey = apiKey;
  }

  @Override
  public boolean available() {
    return true;
  }

  @Override
  public Page read(URI url) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("url", url.toString());
    params.put("timeout", "35");
    params.put("waitBeforeScraping", "0");
    params.put("saveHtml", "False");
    params.put("saveMarkdown", "True");
    params.put("removeCSSselectors", "default");
    params.put("htmlTransformer", "none");
    params.put("removeImages", "True");
    params.put("fastLane", "True");
    params.put("expandMarkdown", "True");
    params.put("expandHtml", "False");
    JsonNode answer = http.getJson(
        "Olostep",
        URI.create(api + "?" + VendorHttp.query(params)),
        Map.of("Authorization", "Bearer " + apiKey));
    return new Page(url, VendorHttp.text(answer, "markdown_content"));
  }
}
