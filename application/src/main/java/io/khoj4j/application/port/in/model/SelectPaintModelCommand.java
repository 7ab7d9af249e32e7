package io.khoj4j.application.port.in.model;

import io.khoj4j.domain.user.UserId;
import java.util.Objects;

/** A user picks the text-to-image model their pictures are painted with (Khoj's {@code POST /api/model/paint}). */
public record SelectPaintModelCommand(UserId user, long modelId) {
  public SelectPaintModelCommand {
    Objects.requireNonNull(user, "user");
  }
}
