package io.khoj4j.adapter.web.in.health;

import static io.khoj4j.adapter.web.WebSlice.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.adapter.web.WebSlice;
import org.junit.jupiter.api.Test;

/** Slice test of {@link HealthResource}: Khoj's ping for an anonymous and for a signed-in caller. */
class HealthResourceTest {

  @Test
  void anonymousCallersGetKhojsOk() {
    assertThat(json(new HealthResource(WebSlice.anonymous()).health()))
        .isEqualTo("{\"detail\":\"OK\"}");
  }

  @Test
  void aSignedInCallerSeesTheirOwnEmail() {
    assertThat(json(new HealthResource(WebSlice.alice()).health()))
        .isEqualTo("{\"email\":\"alice@example.org\"}");
  }

  @Test
  void aCallerWithoutAnEmailGetsAnEmptyOne() {
    assertThat(json(new HealthResource(WebSlice.caller(WebSlice.ALICE, "alice", null)).health()))
        .isEqualTo("{\"email\":\"\"}");
  }
}
