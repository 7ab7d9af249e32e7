package io.khoj4j.adapter.connector.out.web.read;

import io.khoj4j.adapter.connector.out.web.fetch.AddressPolicy;
import io.khoj4j.adapter.connector.out.web.search.ExaWebSearch;
import io.khoj4j.adapter.connector.out.web.search.FirecrawlWebSearch;
import io.khoj4j.adapter.connector.out.web.vendor.VendorHttp;
import io.khoj4j.application.port.out.tools.PageReaders;
import io.khoj4j.application.port.out.tools.UrlFetcher;
import io.khoj4j.domain.web.WebScraper;
import java.util.List;

/**
 * The administrator's scrapers as a reading chain: each kind is the vendor reader this adapter already has, at the
 * scraper's API address or the vendor's public one, with its key; {@code Direct} reads through the SSRF-safe fetcher.
 */
public final class VendorPageReaders implements PageReaders {

  private final VendorHttp http;
  private final UrlFetcher fetcher;
  private final AddressPolicy policy;

  public VendorPageReaders(VendorHttp http, UrlFetcher fetcher, AddressPolicy policy) {
    this.http = http;
    this.fetcher = fetcher;
    this.policy = policy;
  }

  @Override
  public FallbackWebReader inOrder(List<Configured> scrapers) {
    return FallbackWebReader.inOrder(scrapers.stream().map(this::link).toList(), policy);
  }

  private FallbackWebReader.Link link(Configured configured) {
    WebScraper scraper = configured.scraper();
    String key = configured.apiKey().orElse("");
    return switch (scraper.kind()) {
      case FIRECRAWL ->
        new FallbackWebReader.Link(
            new FirecrawlWebReader(
                http, scraper.apiUrl().orElse(FirecrawlWebSearch.DEFAULT_URL), key),
            false);
      case OLOSTEP ->
        new FallbackWebReader.Link(
            new OlostepWebReader(http, scraper.apiUrl().orElse(OlostepWebReader.DEFAULT_URL), key),
            false);
      case EXA ->
        new FallbackWebReader.Link(
            new ExaWebReader(http, scraper.apiUrl().orElse(ExaWebSearch.DEFAULT_URL), key), false);
      case DIRECT -> new FallbackWebReader.Link(new DirectWebReader(fetcher), true);
    };
  }
}
