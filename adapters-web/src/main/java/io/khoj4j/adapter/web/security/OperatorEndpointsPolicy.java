package io.khoj4j.adapter.web.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who may read the operator endpoints ({@code /q/metrics}, {@code /q/openapi}, {@code /q/swagger-ui}): administrators
 * only when {@code khoj.operator-endpoints.admin-only} is true, which is the default in multi-user mode; anyone in
 * single-user mode, where the server is one person's. Bound to those paths in {@code application.properties}.
 */
@ApplicationScoped
public class OperatorEndpointsPolicy implements HttpSecurityPolicy {

  private final boolean adminOnly;

  public OperatorEndpointsPolicy(
      @ConfigProperty(name = "khoj.operator-endpoints.admin-only") Optional<Boolean> adminOnly,
      @ConfigProperty(name = "khoj.anonymous-mode", defaultValue = "false")
          boolean singleUserMode) {
    this.adminOnly = adminOnly.orElse(!singleUserMode);
  }

  @Override
  public Uni<CheckResult> checkPermission(
      RoutingContext request, Uni<SecurityIdentity> identity, AuthorizationRequestContext context) {
    if (!adminOnly) {
      return Uni.createFrom().item(CheckResult.PERMIT);
    }
    return identity.map(who -> !who.isAnonymous() && who.hasRole(Identities.ROLE_ADMIN)
        ? CheckResult.PERMIT
        : CheckResult.DENY);
  }

  @Override
  public String name() {
    return "operator";
  }
}
