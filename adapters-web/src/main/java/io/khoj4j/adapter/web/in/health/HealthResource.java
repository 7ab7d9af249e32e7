package io.khoj4j.adapter.web.in.health;

import io.khoj4j.adapter.web.security.CurrentUser;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Khoj's ping. Unauthenticated: 200 {"detail":"OK"}; authenticated: {"email": ...}. Clients use it to tell that the
 * server is up and whether their key works. Process and database health live at /q/health.
 */
@Path("/api/health")
@PermitAll
public class HealthResource {

  private final CurrentUser currentUser;

  public HealthResource(CurrentUser currentUser) {
    this.currentUser = currentUser;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Object health() {
    return currentUser
        .find()
        .<Object>map(user -> new SignedIn(user.email() == null ? "" : user.email()))
        .orElseGet(() -> new Anonymous("OK"));
  }

  /** Khoj's answer to a signed-in client: who it is signed in as. */
  public record SignedIn(String email) {}

  /** Khoj's answer to a client that is not signed in. */
  public record Anonymous(String detail) {}
}
