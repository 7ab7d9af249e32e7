package io.khoj4j.application.service.chat.tool;

import io.khoj4j.application.port.out.tools.ImageGenerator;
import io.khoj4j.domain.user.UserId;
import java.util.Objects;

/** Which image generator paints a user's pictures: the model they chose among those offered, or the only one. */
public interface ImageChoice {

  /** Whether any image model is offered. */
  boolean available();

  ImageGenerator forUser(UserId user);

  /** One generator for everyone. */
  static ImageChoice only(ImageGenerator generator) {
    Objects.requireNonNull(generator, "generator");
    return new ImageChoice() {
      @Override
      public boolean available() {
        return generator.available();
      }

      @Override
      public ImageGenerator forUser(UserId user) {
        return generator;
      }
    };
  }
}
