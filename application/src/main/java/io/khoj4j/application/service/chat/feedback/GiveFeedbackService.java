package io.khoj4j.application.service.chat.feedback;

import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.in.chat.GiveFeedbackCommand;
import io.khoj4j.application.port.in.chat.GiveFeedbackUseCase;
import io.khoj4j.application.port.out.feedback.FeedbackNotifier;
import io.khoj4j.application.port.out.feedback.FeedbackRepository;
import io.khoj4j.application.port.out.shared.IdGenerator;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.application.port.out.user.UserRepository;
import io.khoj4j.domain.chat.Feedback;
import io.khoj4j.domain.user.User;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;

/**
 * Stores the verdict first, then tells the operator. Khoj only mails it (and loses it without mail); here it is kept
 * per turn, so a changed mind (thumbs up, then down) replaces the verdict instead of adding one. Khoj's client names
 * no turn, so a turn is also known by its question and answer: the key is the client's turn id when it sends one,
 * else a digest of the two texts. A mail that cannot be sent does not undo the stored verdict.
 */
public final class GiveFeedbackService implements GiveFeedbackUseCase {

  private static final System.Logger LOG = System.getLogger(GiveFeedbackService.class.getName());

  private final FeedbackRepository feedback;
  private final FeedbackNotifier notifier;
  private final UserRepository users;
  private final UnitOfWork unitOfWork;
  private final IdGenerator ids;
  private final Clock clock;

  public GiveFeedbackService(
      FeedbackRepository feedback,
      FeedbackNotifier notifier,
      UserRepository users,
      UnitOfWork unitOfWork,
      IdGenerator ids,
      Clock clock) {
    this.feedback = feedback;
    this.notifier = notifier;
    this.users = users;
    this.unitOfWork = unitOfWork;
    this.ids = ids;
    this.clock = clock;
  }

  @Override
  public void give(GiveFeedbackCommand command) {
    String key = command.turnId().map(t -> "turn:" + t).orElseGet(() -> "text:" + digest(command));
    Feedback verdict = new Feedback(
        ids.newId(),
        command.userId(),
        key,
        command.sentiment(),
        command.question(),
        command.answer(),
        clock.instant());
    unitOfWork.run(() -> feedback.save(verdict));
    if (!notifier.available()) {
      return;
    }
    String email = users.findById(command.userId()).map(User::email).orElse("");
    try {
      notifier.notify(verdict, email);
    } catch (UpstreamFailureException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "Feedback stored but not sent to the operator: " + e.getMessage());
    }
  }

  private static String digest(GiveFeedbackCommand command) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(command.question().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(command.answer().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
