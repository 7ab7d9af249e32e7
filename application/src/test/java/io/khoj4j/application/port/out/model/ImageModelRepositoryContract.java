package io.khoj4j.application.port.out.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.application.port.out.shared.SealedSecret;
import io.khoj4j.domain.chat.ChatModel;
import io.khoj4j.domain.image.ImageModel;
import io.khoj4j.domain.user.UserId;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ImageModelRepository} promises; the fake and the PostgreSQL adapter both run it. */
public abstract class ImageModelRepositoryContract {

  protected abstract ImageModelRepository repository();

  /** Removes every model (the table is the server's). */
  protected abstract void clear();

  /** A user that exists (the adapter's choices reference users). */
  protected abstract UserId newUser();

  @BeforeEach
  @AfterEach
  void empty() {
    clear();
  }

  private static ImageModel model(String name, ImageModel.Kind kind) {
    return new ImageModel(0, name, null, kind, Optional.empty(), ChatModel.PriceTier.FREE);
  }

  @Test
  void modelsAreStoredWithTheirSealedKeysAndAKeylessSaveKeepsTheKey() {
    ImageModel dalle = repository()
        .save(model("dall-e-3", ImageModel.Kind.OPENAI), Optional.of(new SealedSecret("s1")));
    ImageModel flux = repository()
        .save(
            new ImageModel(
                0,
                "black-forest-labs/flux-schnell",
                "Flux",
                ImageModel.Kind.REPLICATE,
                Optional.of(URI.create("https://replicate.internal")),
                ChatModel.PriceTier.STANDARD),
            Optional.empty());

    assertThat(dalle.id()).isPositive();
    assertThat(repository().all())
        .extracting(s -> s.model().name())
        .containsExactly("dall-e-3", "black-forest-labs/flux-schnell");
    assertThat(repository().byId(flux.id()).map(ImageModelRepository.Stored::model))
        .contains(flux);
    assertThat(repository().byName("dall-e-3")).contains(dalle);

    ImageModel renamed = new ImageModel(
        dalle.id(),
        "dall-e-3",
        "DALL·E",
        ImageModel.Kind.OPENAI,
        Optional.empty(),
        ChatModel.PriceTier.FREE);
    repository().save(renamed, Optional.empty());
    assertThat(repository().byId(dalle.id()))
        .contains(new ImageModelRepository.Stored(renamed, Optional.of(new SealedSecret("s1"))));
  }

  @Test
  void eachUserHasTheirOwnChoiceAndDeletingAModelForgetsIt() {
    ImageModel a = repository().save(model("a", ImageModel.Kind.OPENAI), Optional.empty());
    ImageModel b = repository().save(model("b", ImageModel.Kind.GOOGLE), Optional.empty());
    UserId alice = newUser();
    UserId bob = newUser();

    repository().choose(alice, b.id());
    repository().choose(alice, a.id());
    repository().choose(bob, b.id());

    assertThat(repository().choiceOf(alice)).contains(a.id());
    assertThat(repository().choiceOf(bob)).contains(b.id());
    assertThat(repository().delete(b.id())).isTrue();
    assertThat(repository().delete(b.id())).isFalse();
    assertThat(repository().choiceOf(bob)).isEmpty();
    assertThat(repository().choiceOf(alice)).contains(a.id());
  }
}
