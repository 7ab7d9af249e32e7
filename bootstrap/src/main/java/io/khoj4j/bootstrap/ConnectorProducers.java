package io.khoj4j.bootstrap;

import io.khoj4j.adapter.connector.out.github.GithubRestRepositories;
import io.khoj4j.adapter.connector.out.http.RateLimitedHttp;
import io.khoj4j.adapter.connector.out.notion.NotionApiWorkspace;
import io.khoj4j.application.port.in.content.IndexContentUseCase;
import io.khoj4j.application.port.out.connector.ConnectorRepository;
import io.khoj4j.application.port.out.connector.GithubRepositories;
import io.khoj4j.application.port.out.connector.NotionWorkspace;
import io.khoj4j.application.port.out.shared.SecretBox;
import io.khoj4j.application.port.out.shared.SecretGenerator;
import io.khoj4j.application.service.connector.CompleteNotionOAuthService;
import io.khoj4j.application.service.connector.ConfigureGithubService;
import io.khoj4j.application.service.connector.ConfigureNotionService;
import io.khoj4j.application.service.connector.ConnectorSettings;
import io.khoj4j.application.service.connector.ReadConnectorsService;
import io.khoj4j.application.service.connector.StartNotionOAuthService;
import io.khoj4j.application.service.connector.SyncAllConnectorsService;
import io.khoj4j.application.service.connector.SyncConnectorsService;
import io.khoj4j.application.service.content.IndexingLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;

/** GitHub and Notion: REST adapters, the sync and the settings use cases. */
@ApplicationScoped
public class ConnectorProducers {

  @Produces
  @Singleton
  ConnectorSettings connectorSettings(ConnectorConfig config, IndexingLimits limits) {
    ConnectorConfig.Notion.OAuth oauth = config.notion().oauth();
    Optional<ConnectorSettings.NotionOAuth> notionOAuth = Optional.empty();
    if (oauth.clientId().isPresent()
        && oauth.clientSecret().isPresent()
        && oauth.redirectUri().isPresent()) {
      notionOAuth = Optional.of(new ConnectorSettings.NotionOAuth(
          oauth.clientId().get(),
          oauth.redirectUri().get(),
          oauth.authorizeUrl(),
          oauth.stateLifetime()));
    }
    return new ConnectorSettings(limits.maxFileBytes(), config.batchSize(), notionOAuth);
  }

  @Produces
  @Singleton
  GithubRepositories githubRepositories(ConnectorConfig config, Clock clock) {
    RateLimitedHttp http = new RateLimitedHttp(
        "GitHub",
        config.timeout(),
        config.maxRateLimitWait(),
        java.time.Duration.ZERO,
        config.attempts(),
        d -> Thread.sleep(d),
        clock);
    return new GithubRestRepositories(config.github().apiUrl(), http, config.timeout());
  }

  @Produces
  @Singleton
  NotionWorkspace notionWorkspace(ConnectorConfig config, Clock clock) {
    RateLimitedHttp http = new RateLimitedHttp(
        "Notion",
        config.timeout(),
        config.maxRateLimitWait(),
        config.notion().minInterval(),
        config.attempts(),
        d -> Thread.sleep(d),
        clock);
    ConnectorConfig.Notion.OAuth oauth = config.notion().oauth();
    Optional<NotionApiWorkspace.OAuthClient> client = Optional.empty();
    if (oauth.clientId().isPresent()
        && oauth.clientSecret().isPresent()
        && oauth.redirectUri().isPresent()) {
      client = Optional.of(new NotionApiWorkspace.OAuthClient(
          oauth.clientId().get(),
          oauth.clientSecret().get(),
          oauth.redirectUri().get()));
    }
    return new NotionApiWorkspace(config.notion().apiUrl(), http, config.timeout(), client);
  }

  @Produces
  @Singleton
  SyncConnectorsService syncConnectors(
      ConnectorRepository connectors,
      GithubRepositories github,
      NotionWorkspace notion,
      IndexContentUseCase indexContent,
      SecretBox secrets,
      Clock clock,
      ConnectorSettings settings) {
    return new SyncConnectorsService(
        connectors, github, notion, indexContent, secrets, clock, settings);
  }

  @Produces
  @Singleton
  SyncAllConnectorsService syncAllConnectors(
      ConnectorRepository connectors, SyncConnectorsService sync) {
    return new SyncAllConnectorsService(connectors, sync);
  }

  @Produces
  @Singleton
  ConfigureGithubService configureGithub(ConnectorRepository connectors, SecretBox secrets) {
    return new ConfigureGithubService(connectors, secrets);
  }

  @Produces
  @Singleton
  ConfigureNotionService configureNotion(ConnectorRepository connectors, SecretBox secrets) {
    return new ConfigureNotionService(connectors, secrets);
  }

  @Produces
  @Singleton
  ReadConnectorsService readConnectors(ConnectorRepository connectors, SecretBox secrets) {
    return new ReadConnectorsService(connectors, secrets);
  }

  @Produces
  @Singleton
  StartNotionOAuthService startNotionOAuth(
      ConnectorRepository connectors,
      SecretGenerator random,
      Clock clock,
      ConnectorSettings settings) {
    return new StartNotionOAuthService(connectors, random, clock, settings);
  }

  @Produces
  @Singleton
  CompleteNotionOAuthService completeNotionOAuth(
      ConnectorRepository connectors, NotionWorkspace notion, SecretBox secrets, Clock clock) {
    return new CompleteNotionOAuthService(connectors, notion, secrets, clock);
  }
}
