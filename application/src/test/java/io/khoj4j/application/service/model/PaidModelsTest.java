package io.khoj4j.application.service.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.khoj4j.application.error.ForbiddenException;
import io.khoj4j.application.port.in.model.ChatModelQuery;
import io.khoj4j.application.port.in.model.ConfigureImageModelsCommand;
import io.khoj4j.application.port.in.model.PaintModelOption;
import io.khoj4j.application.port.in.model.SelectChatModelCommand;
import io.khoj4j.application.port.in.model.SelectPaintModelCommand;
import io.khoj4j.application.port.out.model.InMemoryChatModelRepository;
import io.khoj4j.application.port.out.model.InMemoryImageModelRepository;
import io.khoj4j.application.port.out.shared.DirectUnitOfWork;
import io.khoj4j.application.port.out.shared.InMemorySecretBox;
import io.khoj4j.application.port.out.shared.MutableClock;
import io.khoj4j.application.port.out.subscription.InMemorySubscriptionRepository;
import io.khoj4j.application.port.out.user.InMemoryUserRepository;
import io.khoj4j.application.service.subscription.BillingSettings;
import io.khoj4j.application.service.subscription.NoBilling;
import io.khoj4j.application.service.subscription.Tiers;
import io.khoj4j.domain.chat.ChatModel;
import io.khoj4j.domain.chat.ChatModelEndpoint;
import io.khoj4j.domain.chat.ModelVendor;
import io.khoj4j.domain.image.ImageModel;
import io.khoj4j.domain.subscription.Subscription;
import io.khoj4j.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * With billing on, a model of the standard price tier is for premium users (Khoj's model routes and chat): a free
 * user cannot choose one, and one chosen while premium, or an agent's, no longer answers them.
 */
class PaidModelsTest {

  private final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
  private final InMemoryUserRepository users = new InMemoryUserRepository();
  private final InMemorySubscriptionRepository subscriptions = new InMemorySubscriptionRepository();
  private final Tiers billing = new Tiers(
      subscriptions, users, new BillingSettings(true, Optional.of("https://pay.example/")), clock);
  private final InMemoryChatModelRepository models = new InMemoryChatModelRepository();
  private final ChatModel free = models.saveModel(model("small", ChatModel.PriceTier.FREE));
  private final ChatModel paid = models.saveModel(model("large", ChatModel.PriceTier.STANDARD));
  private final UserId freeUser = user();
  private final UserId premiumUser = premium(user());

  private final SelectChatModelService select =
      new SelectChatModelService(models, new DirectUnitOfWork(), billing);
  private final QueryChatModelsService query = new QueryChatModelsService(models, billing);
  private final ChatModelSelectionService selection =
      new ChatModelSelectionService(models, new InMemorySecretBox(), billing);

  @Test
  void aFreeUserCannotChooseAPaidChatModelAndNothingIsStored() {
    models.setDefaultModel(Optional.of(free.id()));

    assertThatThrownBy(() -> select.select(new SelectChatModelCommand(freeUser, paid.id())))
        .isInstanceOf(ForbiddenException.class)
        .hasMessage("Subscribe to switch to this chat model");
    assertThat(models.userChoice(freeUser)).isEmpty();

    select.select(new SelectChatModelCommand(freeUser, free.id()));
    select.select(new SelectChatModelCommand(premiumUser, paid.id()));
    assertThat(models.userChoice(freeUser)).contains(free.id());
    assertThat(models.userChoice(premiumUser)).contains(paid.id());
  }

  @Test
  void aPaidModelChosenWhilePremiumAnswersWithTheDefaultOnceTheSubscriptionEnds() {
    models.setDefaultModel(Optional.of(free.id()));
    models.setUserChoice(freeUser, paid.id()); // chosen while the subscription lasted

    assertThat(query.effective(new ChatModelQuery.Effective(freeUser))).contains(free);
    assertThat(query.effective(new ChatModelQuery.Effective(premiumUser))).contains(free);
    models.setUserChoice(premiumUser, paid.id());
    assertThat(query.effective(new ChatModelQuery.Effective(premiumUser))).contains(paid);
  }

  @Test
  void anAgentsPaidModelAnswersPremiumUsersOnly() {
    models.setDefaultModel(Optional.of(free.id()));

    assertThat(selection.modelFor(freeUser, Optional.of("large")))
        .map(ChatModelEndpoint::modelName)
        .contains("small");
    assertThat(selection.modelFor(premiumUser, Optional.of("large")))
        .map(ChatModelEndpoint::modelName)
        .contains("large");
  }

  @Test
  void withoutBillingEveryUserMayUseEveryModel() {
    SelectChatModelService open =
        new SelectChatModelService(models, new DirectUnitOfWork(), NoBilling.tiers());

    open.select(new SelectChatModelCommand(freeUser, paid.id()));

    assertThat(models.userChoice(freeUser)).contains(paid.id());
    assertThat(new QueryChatModelsService(models, NoBilling.tiers())
            .effective(new ChatModelQuery.Effective(freeUser)))
        .contains(paid);
  }

  @Test
  void aFreeUserCannotChooseAPaidImageModelAndPaintsWithTheFirstOffered() {
    InMemoryImageModelRepository images = new InMemoryImageModelRepository();
    ConfigureImageModelsService configure =
        new ConfigureImageModelsService(images, new InMemorySecretBox(), new DirectUnitOfWork());
    long cheap = configure.configure(new ConfigureImageModelsCommand.Save(
        0,
        "cheap",
        null,
        ImageModel.Kind.OPENAI,
        Optional.empty(),
        Optional.empty(),
        ChatModel.PriceTier.FREE));
    long dear = configure.configure(new ConfigureImageModelsCommand.Save(
        0,
        "dear",
        null,
        ImageModel.Kind.OPENAI,
        Optional.empty(),
        Optional.empty(),
        ChatModel.PriceTier.STANDARD));
    ListPaintModelsService offered =
        new ListPaintModelsService(images, List.<PaintModelOption>of(), billing);
    SelectPaintModelService paint =
        new SelectPaintModelService(images, offered, new DirectUnitOfWork(), billing);

    assertThatThrownBy(() -> paint.select(new SelectPaintModelCommand(freeUser, dear)))
        .isInstanceOf(ForbiddenException.class)
        .hasMessage("Subscribe to switch to this image model");
    assertThat(images.choiceOf(freeUser)).isEmpty();

    paint.select(new SelectPaintModelCommand(premiumUser, dear));
    assertThat(offered.selectedBy(premiumUser)).contains(dear);
    images.choose(freeUser, dear); // chosen while the subscription lasted
    assertThat(offered.selectedBy(freeUser)).contains(cheap);
  }

  private static ChatModel model(String name, ChatModel.PriceTier tier) {
    return new ChatModel(0, name, name, ModelVendor.OPENAI, null, false, tier, "", "", null);
  }

  private UserId user() {
    return users.newUser(Instant.parse("2026-01-01T00:00:00Z"));
  }

  private UserId premium(UserId user) {
    subscriptions.save(
        Subscription.standard(user, clock.instant())
            .paidUntil(clock.instant().plus(Duration.ofDays(30))),
        clock.instant());
    return user;
  }
}
