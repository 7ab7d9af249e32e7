package io.khoj4j.application.service.model;

import io.khoj4j.application.port.in.model.ListPaintModelsQuery;
import io.khoj4j.application.port.in.model.ListPaintModelsUseCase;
import io.khoj4j.application.port.in.model.PaintModelOption;
import io.khoj4j.application.port.out.model.ImageModelRepository;
import io.khoj4j.application.service.subscription.Tiers;
import io.khoj4j.domain.chat.ChatModel;
import io.khoj4j.domain.image.ImageModel;
import io.khoj4j.domain.user.UserId;
import java.util.List;
import java.util.Optional;

/**
 * The text-to-image models users may paint with: those administrators configured, or, while there are none, the one
 * the server's settings name ({@code KHOJ_IMAGE_*}, offered as id 1). A user paints with their choice while it is
 * offered and their tier may use it, else with the first model.
 */
public final class ListPaintModelsService implements ListPaintModelsUseCase {

  private final ImageModelRepository repository;
  private final List<PaintModelOption> fromSettings;
  private final Tiers tiers;

  public ListPaintModelsService(
      ImageModelRepository repository, List<PaintModelOption> fromSettings, Tiers tiers) {
    this.repository = repository;
    this.fromSettings = List.copyOf(fromSettings);
    this.tiers = tiers;
  }

  @Override
  public List<PaintModelOption> list(ListPaintModelsQuery query) {
    List<ImageModelRepository.Stored> configured = repository.all();
    if (configured.isEmpty()) {
      return fromSettings;
    }
    return configured.stream().map(s -> option(s.model())).toList();
  }

  @Override
  public Optional<Long> selectedBy(UserId user) {
    List<PaintModelOption> offered = list(new ListPaintModelsQuery());
    // a paid model is the user's only on the premium tier (when billing is on), as in Khoj
    Optional<Long> chosen = repository
        .choiceOf(user)
        .filter(id -> offered.stream()
            .anyMatch(o -> o.id() == id && tiers.mayUse(user, ChatModel.PriceTier.of(o.tier()))));
    return chosen.or(() -> offered.stream().findFirst().map(PaintModelOption::id));
  }

  private static PaintModelOption option(ImageModel model) {
    return new PaintModelOption(model.id(), model.friendlyName(), model.tier().wireName());
  }
}
