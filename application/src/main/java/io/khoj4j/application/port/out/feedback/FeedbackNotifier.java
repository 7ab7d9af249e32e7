package io.khoj4j.application.port.out.feedback;

import io.khoj4j.domain.chat.Feedback;

/** Tells the server's operator about a verdict (Khoj mails its team). */
public interface FeedbackNotifier {

  /** A notifier that tells no one: the verdict is only stored. */
  FeedbackNotifier NONE = new FeedbackNotifier() {
    @Override
    public boolean available() {
      return false;
    }

    @Override
    public void notify(Feedback feedback, String userEmail) {}
  };

  /** False when this server has nowhere to send feedback (no mail server or no operator address). */
  boolean available();

  /**
   * Sends the verdict and who gave it.
   *
   * @throws io.khoj4j.application.error.UpstreamFailureException when the message cannot be delivered
   */
  void notify(Feedback feedback, String userEmail);
}
