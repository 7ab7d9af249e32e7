package io.khoj4j.adapter.web.in.token;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.khoj4j.adapter.web.error.RequestValidationException;
import io.khoj4j.adapter.web.in.StatusResponse;
import io.khoj4j.adapter.web.security.CurrentUser;
import io.khoj4j.application.port.in.token.CreateApiTokenCommand;
import io.khoj4j.application.port.in.token.CreateApiTokenUseCase;
import io.khoj4j.application.port.in.token.CreatedApiToken;
import io.khoj4j.application.port.in.token.DeleteApiTokenCommand;
import io.khoj4j.application.port.in.token.DeleteApiTokenUseCase;
import io.khoj4j.application.port.in.token.ListApiTokensQuery;
import io.khoj4j.application.port.in.token.ListApiTokensUseCase;
import io.khoj4j.domain.user.ApiToken;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Khoj's API-token routes. The secret is shown once, when created; the list shows each token's display form
 * ({@code kk-Ab12Cd3E…}) in the {@code token} field, which {@code DELETE ?token=} also accepts.
 */
@Path("/auth/token")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

  private final CurrentUser currentUser;
  private final CreateApiTokenUseCase createToken;
  private final ListApiTokensUseCase listTokens;
  private final DeleteApiTokenUseCase deleteToken;

  public TokenResource(
      CurrentUser currentUser,
      CreateApiTokenUseCase createToken,
      ListApiTokensUseCase listTokens,
      DeleteApiTokenUseCase deleteToken) {
    this.currentUser = currentUser;
    this.createToken = createToken;
    this.listTokens = listTokens;
    this.deleteToken = deleteToken;
  }

  public record CreatedTokenResponse(String token, String name) {}

  public record TokenResponse(
      UUID id,
      String token,
      String name,
      @JsonProperty("created_at") Instant createdAt,
      @JsonProperty("accessed_at") Instant accessedAt) {

    static TokenResponse of(ApiToken t) {
      return new TokenResponse(t.id(), t.display(), t.name(), t.createdAt(), t.lastUsedAt());
    }
  }

  @POST
  public CreatedTokenResponse create(@QueryParam("token_name") String name) {
    if (name != null && name.strip().length() > CreateApiTokenCommand.MAX_NAME_LENGTH) {
      throw RequestValidationException.of(
          "query", "token_name", "String should have at most 50 characters", name);
    }
    CreatedApiToken created = createToken.create(new CreateApiTokenCommand(currentUser.id(), name));
    return new CreatedTokenResponse(created.secret(), created.token().name());
  }

  @GET
  public List<TokenResponse> list() {
    return listTokens.list(new ListApiTokensQuery(currentUser.id())).stream()
        .map(TokenResponse::of)
        .toList();
  }

  @DELETE
  public StatusResponse delete(@QueryParam("token") String token) {
    if (token == null || token.isBlank()) {
      throw RequestValidationException.missing("query", "token");
    }
    deleteToken.delete(new DeleteApiTokenCommand(currentUser.id(), token));
    return StatusResponse.ok();
  }
}
