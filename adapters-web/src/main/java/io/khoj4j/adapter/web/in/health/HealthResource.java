package io.khoj4j.adapter.web.in.health;

import io.khoj4j.adapter.web.security.CurrentUser;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

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
  public Map<String, String> health() {
    return currentUser
        .find()
        .map(user -> Map.of("email", user.email() == null ? "" : user.email()))
        .orElseGet(() -> Map.of("detail", "OK"));
  }
}
