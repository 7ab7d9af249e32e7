package io.khoj4j.application.port.out.automation;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

public final class RecordingAutomationMailer implements AutomationMailer {

  public record Sent(String email, String subject, String markdown) {}

  public final List<Sent> sent = new CopyOnWriteArrayList<>();
  private final boolean available;

  public RecordingAutomationMailer(boolean available) {
    this.available = available;
  }

  @Override
  public boolean available() {
    return available;
  }

  @Override
  public void send(String email, String subject, String markdownAnswer) {
    sent.add(new Sent(email, subject, markdownAnswer));
  }
}
