package io.khoj4j.application.port.in.model;

import java.util.List;

/** Khoj's {@code paint_model_options}: the text-to-image models users may choose. */
public interface ListPaintModelsUseCase {

  List<PaintModelOption> list(ListPaintModelsQuery query);
}
