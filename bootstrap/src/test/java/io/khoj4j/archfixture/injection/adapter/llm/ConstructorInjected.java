package io.khoj4j.archfixture.injection.adapter.llm;

import jakarta.inject.Inject;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Obeys the rule: collaborators and configuration arrive through the constructor. */
public class ConstructorInjected {
  private final Clock clock;
  private final String timeout;

  @Inject
  public ConstructorInjected(
      Clock clock, @ConfigProperty(name = "khoj.chat.timeout") String timeout) {
    this.clock = clock;
    this.timeout = timeout;
  }
}
