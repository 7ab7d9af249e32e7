package io.khoj4j.application.port.in.model;

import java.util.Objects;

/** A text-to-image model users may paint with: its id, the name clients show and its price tier's wire name. */
public record PaintModelOption(long id, String name, String tier) {
  public PaintModelOption {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(tier, "tier");
    if (id < 1 || name.isBlank()) {
      throw new IllegalArgumentException("a paint model needs a positive id and a name");
    }
  }
}
