package io.khoj4j.application.service.connector;

import io.khoj4j.application.port.in.connector.ConfigureGithubCommand;
import io.khoj4j.application.port.in.connector.ConfigureGithubUseCase;
import io.khoj4j.application.port.out.connector.ConnectorRepository;
import io.khoj4j.application.port.out.connector.ConnectorRepository.GithubSettings;
import io.khoj4j.application.port.out.shared.SecretBox;

/** Saves the user's GitHub token (sealed) and repositories, replacing what was there. */
public final class ConfigureGithubService implements ConfigureGithubUseCase {

  private final ConnectorRepository connectors;
  private final SecretBox secrets;

  public ConfigureGithubService(ConnectorRepository connectors, SecretBox secrets) {
    this.connectors = connectors;
    this.secrets = secrets;
  }

  @Override
  public void configure(ConfigureGithubCommand command) {
    connectors.saveGithub(
        command.owner(), new GithubSettings(command.token().map(secrets::seal), command.repos()));
  }
}
