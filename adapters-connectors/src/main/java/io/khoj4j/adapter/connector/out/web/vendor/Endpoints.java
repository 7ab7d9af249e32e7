package io.khoj4j.adapter.connector.out.web.vendor;

import java.net.URI;

/** Vendor endpoint addresses under a configured base URL. */
public final class Endpoints {

  private Endpoints() {}

  public static URI at(URI base, String path) {
    String b = base.toString();
    return URI.create((b.endsWith("/") ? b : b + "/") + path);
  }
}
