package io.khoj4j.bootstrap.testing;

import java.util.concurrent.ThreadLocalRandom;

/** Client addresses for tests: each call is another machine, as the server sees it through X-Forwarded-For. */
public final class Clients {

  private Clients() {}

  public static String freshAddress() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
  }
}
