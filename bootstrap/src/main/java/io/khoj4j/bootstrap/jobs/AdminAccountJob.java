package io.khoj4j.bootstrap.jobs;

import io.khoj4j.application.port.in.user.EnsureAdminAccountUseCase;
import io.khoj4j.application.port.in.user.EnsureAdminAccountUseCase.EnsureAdminAccountCommand;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * At start, makes sure the administrator named by {@code KHOJ_ADMIN_EMAIL} exists, with {@code KHOJ_ADMIN_PASSWORD}
 * as password if it has none yet. Without {@code KHOJ_ADMIN_EMAIL}, does nothing: administrators can also be made
 * with {@code admin create-user --admin}.
 */
@ApplicationScoped
public class AdminAccountJob {

  private static final Logger LOG = Logger.getLogger(AdminAccountJob.class);

  private final EnsureAdminAccountUseCase ensureAdmin;
  private final Optional<String> email;
  private final Optional<String> password;

  public AdminAccountJob(
      EnsureAdminAccountUseCase ensureAdmin,
      @ConfigProperty(name = "khoj.admin.email") Optional<String> email,
      @ConfigProperty(name = "khoj.admin.password") Optional<String> password) {
    this.ensureAdmin = ensureAdmin;
    this.email = email.filter(e -> !e.isBlank());
    this.password = password.filter(p -> !p.isEmpty());
  }

  void onStart(@Observes StartupEvent event) {
    if (email.isEmpty()) {
      return;
    }
    var admin =
        ensureAdmin.ensure(new EnsureAdminAccountCommand(email.get(), password.orElse(null)));
    LOG.infof("administrator account %s is ready", admin.email());
  }
}
