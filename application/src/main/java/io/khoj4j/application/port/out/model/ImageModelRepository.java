package io.khoj4j.application.port.out.model;

import io.khoj4j.application.port.out.shared.SealedSecret;
import io.khoj4j.domain.image.ImageModel;
import io.khoj4j.domain.user.UserId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The text-to-image models administrators configured, their sealed keys, and each user's choice among them. */
public interface ImageModelRepository {

  record Stored(ImageModel model, Optional<SealedSecret> key) {
    public Stored {
      Objects.requireNonNull(model, "model");
      key = key == null ? Optional.empty() : key;
    }
  }

  /** Oldest first. */
  List<Stored> all();

  Optional<Stored> byId(long id);

  Optional<ImageModel> byName(String name);

  /** Inserts ({@code id} 0) or replaces the model; {@code key} empty keeps the stored key. */
  ImageModel save(ImageModel model, Optional<SealedSecret> key);

  /** Deletes the model and every user's choice of it. */
  boolean delete(long id);

  /** The model the user chose, if any (a deleted model is no choice). */
  Optional<Long> choiceOf(UserId user);

  void choose(UserId user, long modelId);
}
