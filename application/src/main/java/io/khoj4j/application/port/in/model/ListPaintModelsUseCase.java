package io.khoj4j.application.port.in.model;

import io.khoj4j.domain.user.UserId;
import java.util.List;
import java.util.Optional;

/** Khoj's {@code paint_model_options}: the text-to-image models users may choose. */
public interface ListPaintModelsUseCase {

  List<PaintModelOption> list(ListPaintModelsQuery query);

  /** The id of the model the user paints with: their choice while it is offered, else the first offered. */
  Optional<Long> selectedBy(UserId user);
}
