package io.khoj4j.bootstrap;

import io.khoj4j.application.port.out.shared.IdGenerator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.util.UUID;

/** Time and identity for the whole application: the only place that reads the system clock or makes UUIDs. */
@ApplicationScoped
public class CoreProducers {

  @Produces
  @ApplicationScoped
  Clock clock() {
    return Clock.systemUTC();
  }

  @Produces
  @ApplicationScoped
  IdGenerator idGenerator() {
    return UUID::randomUUID;
  }
}
