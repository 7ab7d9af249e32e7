package io.khoj4j.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class ExternalIdentityTest {

  @Test
  void onlyAbsoluteWebUrlsAreAcceptablePictures() {
    assertThat(
            ExternalIdentity.acceptablePicture("https://lh3.googleusercontent.com/a/photo=s96-c"))
        .contains("https://lh3.googleusercontent.com/a/photo=s96-c");
    assertThat(ExternalIdentity.acceptablePicture("HTTP://idp.example/me.png")).isPresent();
    for (String claim : new String[] {
      null,
      "",
      " ",
      "javascript:alert(1)",
      "data:image/png;base64,AAAA",
      "/avatar.png",
      "ftp://idp.example/a.png",
      "https:///no-host",
      "https://idp.example/" + "a".repeat(2000),
      "https://idp.example/a b"
    }) {
      assertThat(ExternalIdentity.acceptablePicture(claim))
          .as(String.valueOf(claim))
          .isEmpty();
    }
  }

  @Test
  void anIdentityRefusesAPictureThatIsNotAWebUrl() {
    UserId user = new UserId(UUID.randomUUID());
    assertThatThrownBy(() -> new ExternalIdentity("https://idp", "s", user, "javascript:alert(1)"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new ExternalIdentity("https://idp", "s", user).picture()).isNull();
  }
}
