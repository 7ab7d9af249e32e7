package io.khoj4j.domain.connector;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One repository a user indexes: GitHub's owner and name rules (letters, digits, {@code -}, {@code _}, {@code .}) and a
 * branch name git would accept in a URL path, so neither can steer a request to another API route.
 */
public record GithubRepo(String owner, String name, String branch) {

  private static final Pattern OWNER_OR_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,100}");
  private static final Pattern BRANCH = Pattern.compile("[A-Za-z0-9_./+-]{1,250}");

  public GithubRepo {
    if (owner == null || !OWNER_OR_NAME.matcher(owner).matches() || owner.startsWith(".")) {
      throw new IllegalArgumentException(
          "repository owner must be 1-100 letters, digits, '-', '_' or '.'");
    }
    if (name == null
        || !OWNER_OR_NAME.matcher(name).matches()
        || name.equals(".")
        || name.equals("..")) {
      throw new IllegalArgumentException(
          "repository name must be 1-100 letters, digits, '-', '_' or '.'");
    }
    if (branch == null
        || !BRANCH.matcher(branch).matches()
        || branch.contains("..")
        || branch.startsWith("/")
        || branch.endsWith("/")
        || branch.contains("//")
        || branch.toLowerCase(Locale.ROOT).endsWith(".lock")) {
      throw new IllegalArgumentException("branch must be a valid git branch name");
    }
  }

  /** Where a file of this repository lives on github.com: the file's name and link in khoj4j. */
  public String fileUrl(String path) {
    return urlPrefix() + path;
  }

  /** Every file URL of this repository and branch starts with this. */
  public String urlPrefix() {
    return "https://github.com/" + owner + "/" + name + "/blob/" + branch + "/";
  }
}
