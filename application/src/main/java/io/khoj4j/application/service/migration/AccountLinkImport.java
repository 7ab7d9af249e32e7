package io.khoj4j.application.service.migration;

import io.khoj4j.application.port.out.auth.ExternalIdentityRepository;
import io.khoj4j.application.port.out.connector.ConnectorRepository;
import io.khoj4j.application.port.out.connector.ConnectorRepository.GithubSettings;
import io.khoj4j.application.port.out.migration.KhojSource;
import io.khoj4j.application.port.out.shared.SecretBox;
import io.khoj4j.domain.connector.GithubRepo;
import io.khoj4j.domain.user.ExternalIdentity;
import io.khoj4j.domain.user.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What ties a user to other services: Google sign-in (the same Google account signs in to the same user here) and the
 * Notion and GitHub connections (tokens sealed). The next connector sync reads the connected content again.
 */
final class AccountLinkImport {

  private final ExternalIdentityRepository identities;
  private final ConnectorRepository connectors;
  private final SecretBox secrets;

  AccountLinkImport(
      ExternalIdentityRepository identities, ConnectorRepository connectors, SecretBox secrets) {
    this.identities = identities;
    this.connectors = connectors;
    this.secrets = secrets;
  }

  void run(KhojSource source, ImportRun run) {
    run.each(
        "sign-in identities",
        source::identities,
        KhojSource.Identity::key,
        i -> run.once(
            "sign-in identities", "database_googleuser", i.key(), () -> importIdentity(i, run)));
    run.each(
        "connectors",
        source::connectors,
        KhojSource.Connector::key,
        c -> run.once(
            "connectors",
            "database_" + c.kind() + "config",
            c.key(),
            () -> importConnector(c, run)));
  }

  private Optional<String> importIdentity(KhojSource.Identity i, ImportRun run) {
    Optional<UserId> user = run.user(i.userKey());
    if (user.isEmpty()) {
      run.skip("sign-in identities", i.subject(), "its user was not imported");
      return Optional.empty();
    }
    String picture = ExternalIdentity.acceptablePicture(i.picture()).orElse(null);
    ExternalIdentity stored =
        identities.linkIfAbsent(new ExternalIdentity(i.issuer(), i.subject(), user.get(), picture));
    if (!stored.user().equals(user.get())) {
      run.skip(
          "sign-in identities",
          i.subject(),
          "this Google account already signs in to another user here");
      return Optional.empty();
    }
    return Optional.of(i.issuer() + "|" + i.subject());
  }

  private Optional<String> importConnector(KhojSource.Connector c, ImportRun run) {
    Optional<UserId> owner = run.user(c.userKey());
    if (owner.isEmpty() || c.token() == null || c.token().isBlank()) {
      run.skip(
          "connectors",
          c.kind() + " of " + c.userKey(),
          owner.isEmpty() ? "its user was not imported" : "it has no token");
      return Optional.empty();
    }
    if ("notion".equals(c.kind())) {
      if (connectors.notionToken(owner.get()).isPresent()) {
        run.skip(
            "connectors", "notion of " + c.userKey(), "the user already connected Notion here");
        return Optional.empty();
      }
      connectors.saveNotion(owner.get(), Optional.of(secrets.seal(c.token())));
      return Optional.of("notion:" + owner.get().value());
    }
    if (connectors.github(owner.get()).isPresent()) {
      run.skip("connectors", "github of " + c.userKey(), "the user already connected GitHub here");
      return Optional.empty();
    }
    List<GithubRepo> repos = new ArrayList<>();
    for (KhojSource.Repo r : c.repos()) {
      try {
        repos.add(new GithubRepo(r.owner(), r.name(), r.branch()));
      } catch (IllegalArgumentException e) {
        run.skip("github repositories", r.owner() + "/" + r.name(), e.getMessage());
      }
    }
    connectors.saveGithub(
        owner.get(), new GithubSettings(Optional.of(secrets.seal(c.token())), repos));
    return Optional.of("github:" + owner.get().value());
  }
}
