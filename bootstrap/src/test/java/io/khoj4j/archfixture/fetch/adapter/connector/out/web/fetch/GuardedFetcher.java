package io.khoj4j.archfixture.fetch.adapter.connector.out.web.fetch;

/** Conforming: the fetcher itself holds the HTTP client. */
public class GuardedFetcher {
  org.apache.hc.client5.http.impl.classic.CloseableHttpClient client;
}
