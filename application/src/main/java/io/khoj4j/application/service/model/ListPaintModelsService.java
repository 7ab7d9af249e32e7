package io.khoj4j.application.service.model;

import io.khoj4j.application.port.in.model.ListPaintModelsQuery;
import io.khoj4j.application.port.in.model.ListPaintModelsUseCase;
import io.khoj4j.application.port.in.model.PaintModelOption;
import java.util.List;

/**
 * The text-to-image models the operator configured (today at most one, from the server's settings). With a single
 * model it is every user's selection, so choosing it changes nothing to store.
 */
public final class ListPaintModelsService implements ListPaintModelsUseCase {

  private final List<PaintModelOption> configured;

  public ListPaintModelsService(List<PaintModelOption> configured) {
    this.configured = List.copyOf(configured);
  }

  @Override
  public List<PaintModelOption> list(ListPaintModelsQuery query) {
    return configured;
  }
}
