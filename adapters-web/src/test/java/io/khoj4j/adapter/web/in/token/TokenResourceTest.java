package io.khoj4j.adapter.web.in.token;

import static io.khoj4j.adapter.web.WebSlice.ALICE;
import static io.khoj4j.adapter.web.WebSlice.alice;
import static io.khoj4j.adapter.web.WebSlice.json;
import static io.khoj4j.adapter.web.WebSlice.rejects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.khoj4j.application.error.NotFoundException;
import io.khoj4j.application.port.in.token.CreateApiTokenCommand;
import io.khoj4j.application.port.in.token.CreatedApiToken;
import io.khoj4j.application.port.in.token.DeleteApiTokenCommand;
import io.khoj4j.application.port.in.token.ListApiTokensQuery;
import io.khoj4j.domain.user.ApiToken;
import io.khoj4j.domain.user.SecretHash;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Slice test of {@link TokenResource} ({@code /auth/token}): create, list, delete with fake use cases. */
class TokenResourceTest {

  private static final String SECRET = "kk-Ab12Cd3Ef4Gh5Ij6Kl7Mn8Op9Qr0St1Uv2Wx3Yz4";
  private static final ApiToken TOKEN = new ApiToken(
      UUID.fromString("00000000-0000-0000-0000-0000000000f1"),
      ALICE,
      "Brave Otter",
      SecretHash.of(SECRET),
      ApiToken.displayOf(SECRET),
      Instant.parse("2026-01-02T03:04:05Z"),
      null);

  private final List<Object> received = new ArrayList<>();

  private final TokenResource resource = new TokenResource(
      alice(),
      c -> {
        received.add(c);
        return new CreatedApiToken(TOKEN, SECRET);
      },
      q -> {
        received.add(q);
        return List.of(TOKEN);
      },
      c -> {
        received.add(c);
        if (c.token().equals("kk-unknown")) {
          throw new NotFoundException("Token not found");
        }
      });

  @Test
  void createShowsTheSecretOnceAndNamesTheCallerAsOwner() {
    TokenResource.CreatedTokenResponse body = resource.create(" Brave Otter ");

    assertThat(json(body)).isEqualTo("{\"token\":\"" + SECRET + "\",\"name\":\"Brave Otter\"}");
    assertThat(received).containsExactly(new CreateApiTokenCommand(ALICE, "Brave Otter"));
  }

  @Test
  void aNamelessCreateIsPassedOnForTheCoreToName() {
    resource.create(null);

    assertThat(received).containsExactly(new CreateApiTokenCommand(ALICE, ""));
  }

  @Test
  void aNameLongerThanFiftyCharactersIsRefusedBeforeTheCore() {
    rejects(() -> resource.create("n".repeat(51)), "query", "token_name");
    assertThat(received).isEmpty();
  }

  @Test
  void listShowsTheDisplayFormNeverTheSecretInKhojsFields() {
    String body = json(resource.list());

    assertThat(body)
        .isEqualTo(
            "[{\"id\":\"00000000-0000-0000-0000-0000000000f1\",\"token\":\"kk-Ab12Cd3E…\","
                + "\"name\":\"Brave Otter\",\"created_at\":\"2026-01-02T03:04:05Z\",\"accessed_at\":null}]");
    assertThat(body).doesNotContain(SECRET);
    assertThat(received).containsExactly(new ListApiTokensQuery(ALICE));
  }

  @Test
  void deleteNamesTheCallerAndAnswersOk() {
    assertThat(json(resource.delete("kk-Ab12Cd3E…"))).isEqualTo("{\"status\":\"ok\"}");
    assertThat(received).containsExactly(new DeleteApiTokenCommand(ALICE, "kk-Ab12Cd3E…"));
  }

  @Test
  void deleteWithoutATokenIsRefusedAndAnUnknownOneIsTheCoresNotFound() {
    rejects(() -> resource.delete(null), "query", "token");
    rejects(() -> resource.delete(" "), "query", "token");
    assertThat(received).isEmpty();

    assertThatThrownBy(() -> resource.delete("kk-unknown")).isInstanceOf(NotFoundException.class);
  }
}
