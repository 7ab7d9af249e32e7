package io.khoj4j.adapter.web.in.chat;

import io.khoj4j.adapter.web.security.CurrentUser;
import io.khoj4j.application.port.in.chat.SuggestStartersQuery;
import io.khoj4j.application.port.in.chat.SuggestStartersUseCase;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Khoj's {@code GET /api/chat/starters}: up to three questions to start a conversation with, from the caller's data. */
@Path("/api/chat/starters")
@Authenticated
public class StarterResource {

  private final CurrentUser currentUser;
  private final SuggestStartersUseCase starters;

  public StarterResource(CurrentUser currentUser, SuggestStartersUseCase starters) {
    this.currentUser = currentUser;
    this.starters = starters;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public List<String> starters() {
    return starters.suggest(new SuggestStartersQuery(currentUser.id()));
  }
}
