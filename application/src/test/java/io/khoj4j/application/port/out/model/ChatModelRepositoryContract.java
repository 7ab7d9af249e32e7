package io.khoj4j.application.port.out.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.application.port.out.shared.SealedSecret;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.chat.AiModelApi;
import io.khoj4j.domain.chat.ChatModel;
import io.khoj4j.domain.chat.ModelVendor;
import io.khoj4j.domain.user.UserId;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link ChatModelRepository} must do. Names are random so shared databases do not interfere. */
public abstract class ChatModelRepositoryContract {

  protected abstract ChatModelRepository repository();

  protected abstract UnitOfWork unitOfWork();

  protected abstract UserId newUser();

  private AiModelApi api() {
    AiModelApi api =
        new AiModelApi(UUID.randomUUID(), "api-" + UUID.randomUUID(), "http://localhost:11434/v1");
    unitOfWork().run(() -> repository().saveApi(api, Optional.of(new SealedSecret("sealed-1"))));
    return api;
  }

  private ChatModel model(AiModelApi api, String name) {
    return unitOfWork()
        .inTransaction(() -> repository()
            .saveModel(new ChatModel(
                0,
                name,
                "Friendly " + name,
                ModelVendor.OPENAI,
                8000,
                true,
                ChatModel.PriceTier.FREE,
                "desc",
                "strong",
                api.id())));
  }

  @Test
  void apisKeepTheirSealedKeyUnlessANewOneIsGiven() {
    AiModelApi api = api();
    unitOfWork()
        .run(() ->
            repository().saveApi(new AiModelApi(api.id(), api.name(), null), Optional.empty()));

    assertThat(repository().api(api.id())).contains(new AiModelApi(api.id(), api.name(), null));
    assertThat(repository().apiKey(api.id())).contains(new SealedSecret("sealed-1"));
    assertThat(repository().apiByName(api.name())).isPresent();
  }

  @Test
  void modelsGetIdsAndAreFoundByApiAndName() {
    AiModelApi api = api();
    ChatModel saved = model(api, "llama3");

    assertThat(saved.id()).isPositive();
    assertThat(repository().model(saved.id())).contains(saved);
    assertThat(repository().modelByName(api.id(), "llama3")).contains(saved);
    assertThat(repository().models()).contains(saved);
  }

  @Test
  void anApisOfferedModelsAreKeptPerApiAndReplacedWhole() {
    AiModelApi a = new AiModelApi(UUID.randomUUID(), "offering-" + UUID.randomUUID(), null);
    AiModelApi b = new AiModelApi(UUID.randomUUID(), "other-" + UUID.randomUUID(), null);
    unitOfWork().run(() -> {
      repository().saveApi(a, Optional.empty());
      repository().saveApi(b, Optional.empty());
    });
    assertThat(repository().offeredModels(a.id())).isEmpty();

    unitOfWork().run(() -> repository().saveOfferedModels(a.id(), Set.of("m1", "m2")));
    unitOfWork().run(() -> repository().saveOfferedModels(b.id(), Set.of("x")));
    unitOfWork().run(() -> repository().saveOfferedModels(a.id(), Set.of("m2", "m3")));

    assertThat(repository().offeredModels(a.id())).containsExactlyInAnyOrder("m2", "m3");
    assertThat(repository().offeredModels(b.id())).containsExactly("x");
    assertThat(repository().offeredModels(UUID.randomUUID())).isEmpty();
    AiModelApi c = new AiModelApi(UUID.randomUUID(), "new-" + UUID.randomUUID(), null);
    unitOfWork()
        .run(
            () -> { // as seeding does: the API and what it offers in one transaction
              repository().saveApi(c, Optional.empty());
              repository().saveOfferedModels(c.id(), Set.of("first"));
            });
    assertThat(repository().offeredModels(c.id())).containsExactly("first");
  }

  @Test
  void deletingAnApiDeletesItsModels() {
    AiModelApi api = api();
    ChatModel saved = model(api, "m");

    assertThat(unitOfWork().inTransaction(() -> repository().deleteApi(api.id())))
        .isTrue();
    assertThat(repository().model(saved.id())).isEmpty();
  }

  @Test
  void defaultAndUserChoiceFollowTheModel() {
    AiModelApi api = api();
    ChatModel a = model(api, "a");
    ChatModel b = model(api, "b");
    UserId user = newUser();

    unitOfWork().run(() -> {
      repository().setDefaultModel(Optional.of(a.id()));
      repository().setUserChoice(user, b.id());
    });
    assertThat(repository().defaultModelId()).contains(a.id());
    assertThat(repository().userChoice(user)).contains(b.id());

    unitOfWork().run(() -> repository().deleteModel(b.id()));
    assertThat(repository().userChoice(user)).isEmpty();
    unitOfWork().run(() -> repository().setDefaultModel(Optional.empty()));
    assertThat(repository().defaultModelId()).isEmpty();
  }
}
