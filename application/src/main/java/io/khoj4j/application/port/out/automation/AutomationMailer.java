package io.khoj4j.application.port.out.automation;

/** Sends an automation's result to its owner. */
public interface AutomationMailer {

  /** False when mail is not configured on this server: the result is then only stored in the conversation. */
  boolean available();

  /**
   * Mails {@code markdownAnswer}, rendered as safe HTML, to {@code email}.
   *
   * @throws io.khoj4j.application.error.UpstreamFailureException when the mail server refuses or cannot be reached
   */
  void send(String email, String subject, String markdownAnswer);
}
