package io.khoj4j.application.port.out.auth;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Fake of {@link LoginLinkSender}: keeps every link it was asked to send. */
public final class RecordingLoginLinkSender implements LoginLinkSender {

  public record Sent(String email, URI link, String code) {}

  private final List<Sent> sent = new CopyOnWriteArrayList<>();

  @Override
  public void send(String email, URI link, String code) {
    sent.add(new Sent(email, link, code));
  }

  public List<Sent> sent() {
    return List.copyOf(sent);
  }

  public Sent last() {
    return sent.get(sent.size() - 1);
  }
}
