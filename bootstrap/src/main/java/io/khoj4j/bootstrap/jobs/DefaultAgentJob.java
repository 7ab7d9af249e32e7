package io.khoj4j.bootstrap.jobs;

import io.khoj4j.application.port.in.agent.EnsureDefaultAgentUseCase;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** At start, creates the default agent {@code khoj} on a fresh server; an existing one is kept. */
@ApplicationScoped
public class DefaultAgentJob {

  private final EnsureDefaultAgentUseCase ensure;

  public DefaultAgentJob(EnsureDefaultAgentUseCase ensure) {
    this.ensure = ensure;
  }

  void onStart(@Observes StartupEvent event) {
    ensure.ensureDefaultAgent();
  }
}
