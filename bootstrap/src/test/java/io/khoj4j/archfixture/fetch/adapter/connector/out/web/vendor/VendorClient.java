package io.khoj4j.archfixture.fetch.adapter.connector.out.web.vendor;

/** Conforming: a vendor client calls configured endpoints with java.net.http. */
public class VendorClient {
  java.net.http.HttpClient http;
}
