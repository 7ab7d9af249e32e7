package io.khoj4j.application.port.in.content;

import io.khoj4j.domain.user.UserId;
import java.util.Objects;

/** The files {@code owner}'s uploads did not index, with the reasons, newest first. */
public record ListRefusedFilesQuery(UserId owner) {

  public ListRefusedFilesQuery {
    Objects.requireNonNull(owner, "owner");
  }
}
