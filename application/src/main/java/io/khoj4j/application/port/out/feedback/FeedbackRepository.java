package io.khoj4j.application.port.out.feedback;

import io.khoj4j.domain.chat.Feedback;
import io.khoj4j.domain.user.UserId;
import java.util.List;

/** Users' verdicts on answers, one per (owner, turn). Scoped by the owner. */
public interface FeedbackRepository {

  /** Stores the verdict; one already stored for the same owner and turn key is replaced (keeping its id). */
  void save(Feedback feedback);

  /** The owner's verdicts, newest first. */
  List<Feedback> list(UserId owner);
}
