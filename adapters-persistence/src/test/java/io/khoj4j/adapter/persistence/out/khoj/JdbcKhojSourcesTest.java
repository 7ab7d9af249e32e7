package io.khoj4j.adapter.persistence.out.khoj;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Sources that cannot be Khoj's database are refused with a reason an operator can act on. */
class JdbcKhojSourcesTest {

  private final JdbcKhojSources sources = new JdbcKhojSources();

  @Test
  void onlyPostgresqlJdbcUrlsAreAccepted() {
    assertThatThrownBy(() -> sources.open("postgres://khoj@localhost/khoj"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PostgreSQL JDBC URL");
  }

  @Test
  void anUnreachableDatabaseIsRefusedWithTheDriversReason() {
    assertThatThrownBy(() -> sources.open("jdbc:postgresql://127.0.0.1:1/khoj?connectTimeout=2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cannot connect to the Khoj database");
  }
}
