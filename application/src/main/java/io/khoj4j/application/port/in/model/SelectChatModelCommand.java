package io.khoj4j.application.port.in.model;

import io.khoj4j.domain.user.UserId;
import java.util.Objects;

public record SelectChatModelCommand(UserId user, long modelId) {

  public SelectChatModelCommand {
    Objects.requireNonNull(user, "user");
  }
}
