package io.khoj4j.adapter.web.in.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.khoj4j.adapter.web.error.RequestValidationException;
import io.khoj4j.adapter.web.in.StatusResponse;
import io.khoj4j.adapter.web.security.CurrentUser;
import io.khoj4j.application.error.ConflictException;
import io.khoj4j.application.error.NotFoundException;
import io.khoj4j.application.port.in.token.CreateApiTokenCommand;
import io.khoj4j.application.port.in.token.CreateApiTokenUseCase;
import io.khoj4j.application.port.in.token.CreatedApiToken;
import io.khoj4j.application.port.in.token.DeleteApiTokenCommand;
import io.khoj4j.application.port.in.token.DeleteApiTokenUseCase;
import io.khoj4j.application.port.in.token.ListApiTokensQuery;
import io.khoj4j.application.port.in.token.ListApiTokensUseCase;
import io.khoj4j.application.port.in.user.AccountQuery;
import io.khoj4j.application.port.in.user.DeleteAccountCommand;
import io.khoj4j.application.port.in.user.ListUsersUseCase;
import io.khoj4j.application.port.in.user.ListUsersUseCase.ListUsersQuery;
import io.khoj4j.application.port.in.user.ManageAccountUseCase;
import io.khoj4j.application.port.in.user.ProvisionUserCommand;
import io.khoj4j.application.port.in.user.ProvisionUserUseCase;
import io.khoj4j.domain.user.ApiToken;
import io.khoj4j.domain.user.User;
import io.khoj4j.domain.user.UserId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Administrators list accounts, create them, delete them, and issue or revoke their API tokens (to set up a client
 * for someone without a browser). A new token's secret is in the response once; lists show only its display form.
 */
@Path("/api/admin/users")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class UserAdminResource {

  private final CurrentUser currentUser;
  private final ListUsersUseCase listUsers;
  private final ProvisionUserUseCase provisionUser;
  private final ManageAccountUseCase accounts;
  private final CreateApiTokenUseCase createToken;
  private final ListApiTokensUseCase listTokens;
  private final DeleteApiTokenUseCase deleteToken;
  private final boolean singleUserMode;

  public UserAdminResource(
      CurrentUser currentUser,
      ListUsersUseCase listUsers,
      ProvisionUserUseCase provisionUser,
      ManageAccountUseCase accounts,
      CreateApiTokenUseCase createToken,
      ListApiTokensUseCase listTokens,
      DeleteApiTokenUseCase deleteToken,
      @ConfigProperty(name = "khoj.anonymous-mode", defaultValue = "false")
          boolean singleUserMode) {
    this.currentUser = currentUser;
    this.listUsers = listUsers;
    this.provisionUser = provisionUser;
    this.accounts = accounts;
    this.createToken = createToken;
    this.listTokens = listTokens;
    this.deleteToken = deleteToken;
    this.singleUserMode = singleUserMode;
  }

  public record UserResponse(
      String id,
      String username,
      String email,
      @JsonProperty("is_admin") boolean admin,
      @JsonProperty("verified_email") boolean verifiedEmail,
      @JsonProperty("created_at") Instant createdAt) {

    static UserResponse of(User u) {
      return new UserResponse(
          u.id().toString(), u.username(), u.email(), u.admin(), u.verifiedEmail(), u.createdAt());
    }
  }

  public record NewUser(
      String email, @JsonProperty("is_admin") Boolean admin) {}

  public record TokenResponse(
      String id,
      String token,
      String name,
      @JsonProperty("created_at") Instant createdAt,
      @JsonProperty("accessed_at") Instant accessedAt) {

    static TokenResponse of(ApiToken t) {
      return new TokenResponse(
          t.id().toString(), t.display(), t.name(), t.createdAt(), t.lastUsedAt());
    }
  }

  public record CreatedToken(
      String token, String name, @JsonProperty("user_id") String userId) {}

  @GET
  public List<UserResponse> list(
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("100") int limit) {
    return listUsers.list(new ListUsersQuery(offset, limit)).stream()
        .map(UserResponse::of)
        .toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(NewUser body) {
    if (body == null || body.email() == null) {
      throw RequestValidationException.missing("body", "email");
    }
    boolean admin = Boolean.TRUE.equals(body.admin());
    User user = provisionUser.provision(new ProvisionUserCommand(body.email(), null, admin, false));
    return Response.status(201).entity(UserResponse.of(user)).build();
  }

  @DELETE
  @Path("/{id}")
  public StatusResponse delete(@PathParam("id") String id) {
    UserId target = existing(id);
    if (target.equals(currentUser.id())) {
      throw new ConflictException(
          "Administrators cannot delete their own account here; use DELETE /api/self.");
    }
    if (singleUserMode && accounts.get(new AccountQuery(target)).isDefaultUser()) {
      // every request without a token of its own is this user: deleting it would break them all
      throw new ConflictException("The built-in user of single-user mode cannot be deleted");
    }
    accounts.delete(new DeleteAccountCommand(target));
    return StatusResponse.ok();
  }

  @GET
  @Path("/{id}/tokens")
  public List<TokenResponse> tokens(@PathParam("id") String id) {
    return listTokens.list(new ListApiTokensQuery(existing(id))).stream()
        .map(TokenResponse::of)
        .toList();
  }

  @POST
  @Path("/{id}/tokens")
  public Response issueToken(@PathParam("id") String id, @QueryParam("token_name") String name) {
    if (name != null && name.strip().length() > CreateApiTokenCommand.MAX_NAME_LENGTH) {
      throw RequestValidationException.of(
          "query", "token_name", "String should have at most 50 characters", name);
    }
    UserId owner = existing(id);
    CreatedApiToken created = createToken.create(new CreateApiTokenCommand(owner, name));
    return Response.status(201)
        .entity(new CreatedToken(created.secret(), created.token().name(), owner.toString()))
        .build();
  }

  @DELETE
  @Path("/{id}/tokens")
  public StatusResponse revokeToken(@PathParam("id") String id, @QueryParam("token") String token) {
    if (token == null || token.isBlank()) {
      throw RequestValidationException.missing("query", "token");
    }
    deleteToken.delete(new DeleteApiTokenCommand(existing(id), token));
    return StatusResponse.ok();
  }

  private UserId existing(String id) {
    UserId userId;
    try {
      userId = new UserId(UUID.fromString(id));
    } catch (IllegalArgumentException notAUuid) {
      throw new NotFoundException("User not found.");
    }
    accounts.get(new AccountQuery(userId)); // 404 when there is no such account
    return userId;
  }
}
