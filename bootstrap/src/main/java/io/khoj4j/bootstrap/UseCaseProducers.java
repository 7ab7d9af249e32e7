package io.khoj4j.bootstrap;

import io.khoj4j.application.port.in.user.ProvisionUserUseCase;
import io.khoj4j.application.port.out.shared.IdGenerator;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.application.port.out.user.UserRepository;
import io.khoj4j.application.service.user.ProvisionUserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * Creates the use cases. The core has no annotations: each service is built here from the out-port adapters that CDI
 * finds in the adapter modules. A newcomer looking for "who implements X" reads this file.
 */
@ApplicationScoped
public class UseCaseProducers {

  @Produces
  @ApplicationScoped
  ProvisionUserUseCase provisionUser(UserRepository users, UnitOfWork unitOfWork, IdGenerator ids, Clock clock) {
    return new ProvisionUserService(users, unitOfWork, ids, clock);
  }
}
