package io.khoj4j.bootstrap;

import io.khoj4j.application.port.out.shared.IdGenerator;
import io.khoj4j.application.port.out.shared.SecretGenerator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;

/** Time, identity and randomness for the whole application: the only place that reads the system clock or makes UUIDs. */
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

  @Produces
  @ApplicationScoped
  SecretGenerator secretGenerator() {
    SecureRandom random = new SecureRandom();
    return new SecretGenerator() {
      @Override
      public String urlSafeSecret(int bytes) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
      }

      @Override
      public int nextInt(int bound) {
        return random.nextInt(bound);
      }
    };
  }
}
