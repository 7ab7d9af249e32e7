package io.khoj4j.adapter.persistence.testing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** In the application, bootstrap produces the clock; this module's tests bring their own. */
@ApplicationScoped
public class TestClock {

  @Produces
  @ApplicationScoped
  Clock clock() {
    return Clock.systemUTC();
  }
}
