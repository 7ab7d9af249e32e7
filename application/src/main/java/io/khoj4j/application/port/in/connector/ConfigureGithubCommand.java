package io.khoj4j.application.port.in.connector;

import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.domain.connector.GithubRepo;
import io.khoj4j.domain.user.UserId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Replace the user's GitHub token (empty: public repositories only) and repositories. */
public record ConfigureGithubCommand(UserId owner, Optional<String> token, List<GithubRepo> repos) {

  public static final int MAX_REPOS = 50;
  public static final int MAX_TOKEN_LENGTH = 255;

  /** A repository as a client sent it. */
  public record RepoInput(String owner, String name, String branch) {}

  public ConfigureGithubCommand {
    Objects.requireNonNull(owner, "owner");
    token = token == null ? Optional.empty() : token.map(String::strip).filter(t -> !t.isEmpty());
    if (token.isPresent()
        && (token.get().length() > MAX_TOKEN_LENGTH || !token.get().matches("[\\x21-\\x7e]+"))) {
      throw new InvalidInputException(
          "pat_token must be at most " + MAX_TOKEN_LENGTH + " printable characters");
    }
    repos = List.copyOf(new LinkedHashSet<>(repos));
    if (repos.size() > MAX_REPOS) {
      throw new InvalidInputException("at most " + MAX_REPOS + " repositories");
    }
  }

  /** Validates what a client sent; a repository without a branch is on {@code master}, as in Khoj. */
  public static ConfigureGithubCommand of(
      UserId owner, Optional<String> token, List<RepoInput> inputs) {
    if (inputs == null) {
      throw new InvalidInputException("repos is required");
    }
    List<GithubRepo> repos = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      RepoInput in = inputs.get(i);
      if (in == null) {
        throw new InvalidInputException("repos[" + i + "] must be an object");
      }
      String branch =
          in.branch() == null || in.branch().isBlank() ? "master" : in.branch().strip();
      try {
        repos.add(new GithubRepo(strip(in.owner()), strip(in.name()), branch));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("repos[" + i + "]: " + e.getMessage());
      }
    }
    return new ConfigureGithubCommand(owner, token, repos);
  }

  private static String strip(String s) {
    return s == null ? null : s.strip();
  }
}
