package io.khoj4j.adapter.web.in.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.khoj4j.adapter.web.error.RequestValidationException;
import io.khoj4j.adapter.web.security.AuthenticatedUser;
import io.khoj4j.adapter.web.security.CurrentUser;
import io.khoj4j.application.error.NotFoundException;
import io.khoj4j.application.port.in.chat.ConversationView;
import io.khoj4j.application.port.in.chat.CountConversationsQuery;
import io.khoj4j.application.port.in.chat.FilterConversationFilesCommand;
import io.khoj4j.application.port.in.chat.ReadConversationQuery;
import io.khoj4j.domain.chat.Conversation;
import io.khoj4j.domain.user.UserId;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A slice test of {@link ConversationResource} with every use case replaced by a fake: what the resource hands the
 * core (the caller's id, the parsed request) and the Khoj body it builds from the answer, plus its errors (a bad UUID
 * is a validation error, a missing conversation Khoj's {@code 404 {"status":"error",...}}).
 *
 * <p>Why a plain test and not {@code @QuarkusTest}: the resource is constructor-injected and its use cases are
 * one-method interfaces, so it can be built with lambdas and tested in milliseconds, without Quarkus, PostgreSQL or
 * the models. What it does not cover — routing, Jackson serialisation, {@code ErrorMappers}, security — the
 * end-to-end ITs in bootstrap ({@code ChatApiIT}, {@code IsolationIT}) cover on a real server.
 */
class ConversationResourceTest {

  private static final UserId ALICE =
      new UserId(UUID.fromString("00000000-0000-0000-0000-00000000a11c"));
  private static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");

  private final List<Object> received = new ArrayList<>();

  private ConversationResource resource(Fakes f) {
    CurrentUser user = new CurrentUser(QuarkusSecurityIdentity.builder()
        .setPrincipal(new QuarkusPrincipal(ALICE.toString()))
        .addAttribute(
            AuthenticatedUser.ATTRIBUTE,
            new AuthenticatedUser(ALICE, "alice", "alice@example.org", false))
        .build());
    return new ConversationResource(
        user,
        q -> {
          received.add(q);
          return f.view;
        },
        c -> received.add(c),
        q -> List.of(),
        c -> f.view.conversation(),
        c -> received.add(c),
        c -> "a title",
        c -> received.add(c),
        c -> {
          received.add(c);
          if (f.filtersMissing) {
            throw new NotFoundException("Conversation: " + c.id() + " not found");
          }
          return List.of("/notes/a.md");
        },
        c -> "slug-1",
        c -> received.add(c),
        q -> null,
        c -> UUID.randomUUID(),
        q -> List.of(),
        q -> {
          received.add(q);
          return 3L;
        },
        q -> {
          throw new NotFoundException("Agent with name " + q.slug() + " not found.");
        },
        q -> List.of(io.khoj4j.domain.chat.ConversationCommand.GENERAL),
        new AllowedHosts(Optional.empty(), Optional.empty()),
        false);
  }

  private static final class Fakes {
    ConversationView view = new ConversationView(
        new Conversation(
            UUID.fromString("00000000-0000-0000-0000-0000000000c1"),
            ALICE,
            "Tea",
            null,
            "khoj",
            List.of(),
            AT,
            AT),
        List.of());
    boolean filtersMissing;
  }

  @Test
  void historyAsksForTheCallersConversationAndAnswersInKhojsShape() {
    ConversationResource resource = resource(new Fakes());

    ConversationResource.History body =
        resource.history("00000000-0000-0000-0000-0000000000c1", null);

    assertThat(received)
        .containsExactly(new ReadConversationQuery(
            ALICE, Optional.of(UUID.fromString("00000000-0000-0000-0000-0000000000c1"))));
    assertThat(body.status()).isEqualTo("ok");
    assertThat(ChatJson.write(body.response()))
        .as("an empty conversation has no chat key")
        .isEqualTo(
            "{\"conversation_id\":\"00000000-0000-0000-0000-0000000000c1\",\"slug\":\"Tea\",\"agent\":{\"slug\":\"khoj\","
                + "\"name\":\"Khoj\",\"is_creator\":false,\"color\":\"orange\",\"icon\":\"Lightbulb\",\"persona\":"
                + "\"A personal assistant that helps you think with your own notes.\",\"is_hidden\":false},\"is_owner\":true}");
  }

  @Test
  void aConversationIdThatIsNoUuidIsAValidationErrorAndNothingIsAsked() {
    ConversationResource resource = resource(new Fakes());

    assertThatThrownBy(() -> resource.history("not-a-uuid", null))
        .isInstanceOf(RequestValidationException.class);
    assertThat(received).isEmpty();
  }

  @Test
  void aMissingConversationIsKhojsStatusErrorWith404() {
    Response response =
        resource(new Fakes()).notFound(new NotFoundException("Conversation: x not found"));

    assertThat(response.getStatus()).isEqualTo(404);
    assertThat(ChatJson.write(response.getEntity()))
        .isEqualTo("{\"status\":\"error\",\"message\":\"Conversation: x not found\"}");
  }

  @Test
  void fileFilterRoutesNameNoIdWhenTheConversationIsMissing() {
    Fakes fakes = new Fakes();
    fakes.filtersMissing = true;
    ConversationResource resource = resource(fakes);

    assertThatThrownBy(() -> resource.fileFilters("00000000-0000-0000-0000-0000000000c1"))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("Conversation not found");
    assertThat(received)
        .containsExactly(new FilterConversationFilesCommand(
            ALICE, UUID.fromString("00000000-0000-0000-0000-0000000000c1"), List.of(), List.of()));
  }

  @Test
  void statsCountsTheCallersConversations() {
    ConversationResource.Stats body = resource(new Fakes()).stats();

    assertThat(ChatJson.write(body)).isEqualTo("{\"num_conversations\":3}");
    assertThat(received).containsExactly(new CountConversationsQuery(ALICE));
  }
}
