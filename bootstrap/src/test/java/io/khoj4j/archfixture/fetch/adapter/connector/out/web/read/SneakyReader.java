package io.khoj4j.archfixture.fetch.adapter.connector.out.web.read;

/** Violation: a page reader with an HTTP client of its own. */
public class SneakyReader {
  java.net.http.HttpClient http;
}
