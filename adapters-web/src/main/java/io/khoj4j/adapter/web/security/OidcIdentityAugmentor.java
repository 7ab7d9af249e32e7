package io.khoj4j.adapter.web.security;

import io.khoj4j.application.error.ApplicationException;
import io.khoj4j.application.port.in.auth.ExternalLoginCommand;
import io.khoj4j.application.port.in.auth.ExternalLoginUseCase;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Turns a person authenticated by the OpenID Connect provider (an ID token after the code flow, or a bearer JWT on
 * an API call) into the khoj4j user behind them, so every route sees the same kind of identity whichever way the
 * caller signed in. Identities made by khoj4j's own mechanism pass through unchanged. A provider identity that
 * cannot be mapped (no e-mail address, an unverified address that belongs to someone else) becomes anonymous, and
 * protected routes answer 403.
 */
@ApplicationScoped
public class OidcIdentityAugmentor implements SecurityIdentityAugmentor {

  private static final Logger LOG = Logger.getLogger(OidcIdentityAugmentor.class);

  private final ExternalLoginUseCase externalLogin;

  public OidcIdentityAugmentor(ExternalLoginUseCase externalLogin) {
    this.externalLogin = externalLogin;
  }

  @Override
  public Uni<SecurityIdentity> augment(
      SecurityIdentity identity, AuthenticationRequestContext context) {
    if (identity.isAnonymous()
        || identity.getAttribute(AuthenticatedUser.ATTRIBUTE) != null
        || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
      return Uni.createFrom().item(identity);
    }
    if (jwt.getIssuer() == null || jwt.getSubject() == null) {
      return Uni.createFrom()
          .item(QuarkusSecurityIdentity.builder().setAnonymous(true).build());
    }
    ExternalLoginCommand command = new ExternalLoginCommand(
        jwt.getIssuer(),
        jwt.getSubject(),
        jwt.getClaim("email"),
        isTrue(jwt.getClaim("email_verified")),
        jwt.getClaim("given_name"),
        jwt.getClaim("family_name"),
        text(jwt.getClaim("picture")));
    return context.runBlocking(() -> WithRequestContext.call(() -> {
      try {
        return Identities.of(externalLogin.login(command));
      } catch (ApplicationException refused) {
        LOG.infof(
            "OpenID Connect sign-in of %s at %s refused: %s",
            command.subject(), command.issuer(), refused.getMessage());
        return QuarkusSecurityIdentity.builder().setAnonymous(true).build();
      }
    }));
  }

  /** A string claim's value; anything else (a number, an object) is no value. The login vets the URL itself. */
  private static String text(Object claim) {
    return switch (claim) {
      case String s -> s;
      case jakarta.json.JsonString s -> s.getString();
      case null, default -> null;
    };
  }

  private static boolean isTrue(Object claim) {
    return switch (claim) {
      case Boolean b -> b;
      case jakarta.json.JsonValue v -> v == jakarta.json.JsonValue.TRUE;
      case String s -> Boolean.parseBoolean(s);
      case null, default -> false;
    };
  }
}
