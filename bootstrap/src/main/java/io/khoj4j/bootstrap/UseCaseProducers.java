package io.khoj4j.bootstrap;

import io.khoj4j.application.port.out.auth.ExternalIdentityRepository;
import io.khoj4j.application.port.out.shared.IdGenerator;
import io.khoj4j.application.port.out.shared.SecretGenerator;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.application.port.out.token.ApiTokenRepository;
import io.khoj4j.application.port.out.user.UserRepository;
import io.khoj4j.application.service.token.ApiTokenService;
import io.khoj4j.application.service.user.AccountService;
import io.khoj4j.application.service.user.ProvisionUserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Creates the use cases. The core has no annotations: each service is built here from the out-port adapters that CDI
 * finds in the adapter modules. A newcomer looking for "who implements X" reads this file.
 *
 * <p>Services are stateless singletons (no client proxy, so they may be final classes); a producer's bean types are
 * the service class and every use case it implements.
 */
@ApplicationScoped
public class UseCaseProducers {

  @Produces
  @Singleton
  ProvisionUserService provisionUser(
      UserRepository users, UnitOfWork unitOfWork, IdGenerator ids, Clock clock) {
    return new ProvisionUserService(users, unitOfWork, ids, clock);
  }

  @Produces
  @Singleton
  AccountService accounts(
      UserRepository users, ExternalIdentityRepository identities, UnitOfWork unitOfWork) {
    return new AccountService(users, identities, unitOfWork);
  }

  @Produces
  @Singleton
  ApiTokenService apiTokens(
      ApiTokenRepository tokens,
      UnitOfWork unitOfWork,
      IdGenerator ids,
      SecretGenerator secrets,
      Clock clock) {
    return new ApiTokenService(tokens, unitOfWork, ids, secrets, clock);
  }
}
