package io.khoj4j.adapter.persistence.out.conversation;

import io.khoj4j.application.port.out.chat.StoppingTurns;
import io.khoj4j.application.port.out.chat.StoppingTurnsContract;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import javax.sql.DataSource;

/** Each {@link #replica()} is a store of its own on the one database, as each replica has. */
@QuarkusTest
class PgStoppingTurnsIT extends StoppingTurnsContract {

  @Inject
  DataSource dataSource;

  @Override
  protected StoppingTurns replica() {
    return new PgStoppingTurns(dataSource);
  }
}
