package io.khoj4j.application.port.out.feedback;

import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.domain.chat.Feedback;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remembers what it was asked to send; can be told to fail like an unreachable mail server. */
public final class RecordingFeedbackNotifier implements FeedbackNotifier {

  public record Sent(Feedback feedback, String userEmail) {}

  public final List<Sent> sent = new CopyOnWriteArrayList<>();
  public volatile boolean failing;

  @Override
  public boolean available() {
    return true;
  }

  @Override
  public void notify(Feedback feedback, String userEmail) {
    if (failing) {
      throw new UpstreamFailureException("mail server down", true, null);
    }
    sent.add(new Sent(feedback, userEmail));
  }
}
