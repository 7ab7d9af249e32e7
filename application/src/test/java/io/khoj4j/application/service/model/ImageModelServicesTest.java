package io.khoj4j.application.service.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.khoj4j.application.error.ConflictException;
import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.application.error.NotFoundException;
import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.in.model.ConfigureImageModelsCommand;
import io.khoj4j.application.port.in.model.ListPaintModelsQuery;
import io.khoj4j.application.port.in.model.PaintModelOption;
import io.khoj4j.application.port.in.model.SelectPaintModelCommand;
import io.khoj4j.application.port.out.model.InMemoryImageModelRepository;
import io.khoj4j.application.port.out.shared.DirectUnitOfWork;
import io.khoj4j.application.port.out.shared.InMemorySecretBox;
import io.khoj4j.application.port.out.shared.SealedSecret;
import io.khoj4j.application.port.out.tools.InMemoryImageGenerator;
import io.khoj4j.application.service.subscription.NoBilling;
import io.khoj4j.domain.chat.ChatModel;
import io.khoj4j.domain.image.ImageModel;
import io.khoj4j.domain.user.UserId;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Administrators' image models, each user's choice among them, and the generator a user's pictures are painted with. */
class ImageModelServicesTest {

  private final InMemoryImageModelRepository repository = new InMemoryImageModelRepository();
  private final InMemorySecretBox secrets = new InMemorySecretBox();
  private final ConfigureImageModelsService configure =
      new ConfigureImageModelsService(repository, secrets, new DirectUnitOfWork());
  private final InMemoryImageGenerator fromSettings = new InMemoryImageGenerator();
  private final ListPaintModelsService list = new ListPaintModelsService(
      repository,
      List.of(new PaintModelOption(1, "dall-e-3 (settings)", "free")),
      NoBilling.tiers());
  private final SelectPaintModelService select =
      new SelectPaintModelService(repository, list, new DirectUnitOfWork(), NoBilling.tiers());
  /** The models generators were made for, with the key each was given. */
  private final List<String> made = new ArrayList<>();

  private final ChosenImageModels chosen = new ChosenImageModels(
      repository,
      list,
      secrets,
      (model, key) -> {
        made.add(model.name() + " " + key.orElse("-"));
        return new InMemoryImageGenerator();
      },
      fromSettings);
  private final UserId alice = new UserId(UUID.randomUUID());
  private final UserId bob = new UserId(UUID.randomUUID());

  private long save(String name, ImageModel.Kind kind, String key) {
    return configure.configure(new ConfigureImageModelsCommand.Save(
        0, name, null, kind, Optional.ofNullable(key), Optional.empty(), ChatModel.PriceTier.FREE));
  }

  @Test
  void withoutConfiguredModelsTheSettingsModelIsOfferedAndUsed() {
    assertThat(list.list(new ListPaintModelsQuery()))
        .extracting(PaintModelOption::id)
        .containsExactly(1L);
    assertThat(list.selectedBy(alice)).contains(1L);
    select.select(new SelectPaintModelCommand(alice, 1));
    assertThat(chosen.forUser(alice)).isSameAs(fromSettings);
    assertThatThrownBy(() -> select.select(new SelectPaintModelCommand(alice, 7)))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void eachUserPaintsWithTheirChoiceAndOthersWithTheFirstModel() {
    long dalle = save("dall-e-3", ImageModel.Kind.OPENAI, "sk-openai");
    long imagen = save("imagen-3.0-generate-002", ImageModel.Kind.GOOGLE, "g-key");

    select.select(new SelectPaintModelCommand(alice, imagen));
    chosen.forUser(alice);
    chosen.forUser(bob);

    assertThat(list.list(new ListPaintModelsQuery()))
        .extracting(PaintModelOption::id)
        .containsExactly(dalle, imagen);
    assertThat(list.selectedBy(alice)).contains(imagen);
    assertThat(list.selectedBy(bob)).contains(dalle);
    assertThat(made).containsExactly("imagen-3.0-generate-002 g-key", "dall-e-3 sk-openai");
    assertThat(repository.byId(dalle).orElseThrow().key().orElseThrow().value())
        .doesNotContain("sk-openai");

    configure.configure(new ConfigureImageModelsCommand.Delete(imagen));
    assertThat(list.selectedBy(alice)).as("a deleted choice falls back").contains(dalle);
  }

  @Test
  void badInputAndNameClashesAreRefusedAndAnUnreadableKeyIsAFailedPainting() {
    save("dall-e-3", ImageModel.Kind.OPENAI, "k");

    assertThatThrownBy(() -> save("dall-e-3", ImageModel.Kind.GOOGLE, null))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> save(" ", ImageModel.Kind.GOOGLE, null))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> configure.configure(new ConfigureImageModelsCommand.Save(
            0,
            "x",
            null,
            ImageModel.Kind.OPENAI,
            Optional.empty(),
            Optional.of(URI.create("file:///etc/passwd")),
            ChatModel.PriceTier.FREE)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> configure.configure(new ConfigureImageModelsCommand.Delete(99)))
        .isInstanceOf(NotFoundException.class);
    assertThat(repository.all()).hasSize(1);

    repository.save(
        repository.all().getFirst().model(), Optional.of(new SealedSecret("elsewhere")));
    assertThatThrownBy(() -> chosen.forUser(alice))
        .isInstanceOf(UpstreamFailureException.class)
        .hasMessageContaining("another server key");
  }
}
