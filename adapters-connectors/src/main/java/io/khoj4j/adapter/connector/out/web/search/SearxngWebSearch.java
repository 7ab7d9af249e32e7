package io.khoj4j.adapter.connector.out.web.search;

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
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * SearXNG, the self-hoster's metasearch engine, at Khoj's {@code KHOJ_SEARXNG_URL}. It asks for the HTML results
 * page, as Khoj does, because SearXNG's JSON format is off unless its operator enables it; each
 * {@code article.result} gives a title and link ({@code h3 a}) and a snippet ({@code p.content}). The address is the
 * operator's (often on the same host), so it is called directly, not through the URL fetcher.
 */
public final class SearxngWebSearch implements WebSearch {

  private final VendorHttp http;
  private final URI base;

  public SearxngWebSearch(VendorHttp http, URI base) {
    this.http = http;
    this.base = base;
  }

  @Override
  public boolean available() {
    return true;
  }

  @Override
  public Results search(Query query) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("q", query.text());
    params.put("format", "html");
    params.put("language", "en");
    query.countryCode().ifPresent(c -> params.put("country", c));
    params.put("categories", "general");
    URI uri = URI.create(Endpoints.at(base, "search") + "?" + VendorHttp.query(params));
    String html = http.getText("SearXNG", uri, Map.of(), "text/html");
    Document page = Jsoup.parse(html, uri.toString());
    if (page.selectFirst("#results, #urls, article.result") == null) {
      throw new UpstreamFailureException(
          "SearXNG sent a page that is not a results page", false, null);
    }
    List<Hit> hits = new ArrayList<>();
    for (Element result : page.select("article.result")) {
      Element link = Optional.ofNullable(result.selectFirst("h3 a[href]"))
          .orElse(result.selectFirst("a[rel~=noreferrer][href]"));
      if (link == null) {
        continue;
      }
      String href = link.absUrl("href");
      if (href.isBlank() || hits.size() >= query.maxResults()) {
        continue;
      }
      Element content = result.selectFirst("p.content");
      hits.add(new Hit(link.text(), href, content == null ? "" : content.text()));
    }
    return new Results(query.text(), hits, Optional.empty());
  }
}
