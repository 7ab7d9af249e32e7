package io.khoj4j.application.service.connector;

import io.khoj4j.application.port.in.connector.ConfigureNotionCommand;
import io.khoj4j.application.port.in.connector.ConfigureNotionUseCase;
import io.khoj4j.application.port.out.connector.ConnectorRepository;
import io.khoj4j.application.port.out.shared.SecretBox;

/** Saves (sealed) or clears the user's Notion integration token. */
public final class ConfigureNotionService implements ConfigureNotionUseCase {

  private final ConnectorRepository connectors;
  private final SecretBox secrets;

  public ConfigureNotionService(ConnectorRepository connectors, SecretBox secrets) {
    this.connectors = connectors;
    this.secrets = secrets;
  }

  @Override
  public void configure(ConfigureNotionCommand command) {
    connectors.saveNotion(command.owner(), command.token().map(secrets::seal));
  }
}
