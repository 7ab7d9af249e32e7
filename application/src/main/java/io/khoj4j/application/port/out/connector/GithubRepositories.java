package io.khoj4j.application.port.out.connector;

import io.khoj4j.domain.connector.GithubRepo;
import java.util.List;
import java.util.Optional;

/** Reads repositories on GitHub. Every method throws {@link ConnectorException} when GitHub refuses or fails. */
public interface GithubRepositories {

  /** A file of a repository's tree: its path, the SHA of its blob (changes whenever the content does) and size. */
  record TreeFile(String path, String sha, long size) {}

  /** Every file of the branch, whole even when GitHub truncates a recursive tree. */
  List<TreeFile> files(Optional<String> token, GithubRepo repo);

  /** The bytes of one blob. */
  byte[] blob(Optional<String> token, GithubRepo repo, String sha);
}
