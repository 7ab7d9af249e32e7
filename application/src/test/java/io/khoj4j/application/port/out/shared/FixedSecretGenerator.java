package io.khoj4j.application.port.out.shared;

import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

/** Fake: predictable, distinct secrets ("secret-1…", "secret-2…") and ints counting up modulo the bound. */
public final class FixedSecretGenerator implements SecretGenerator {

  private final AtomicInteger counter = new AtomicInteger();

  @Override
  public String urlSafeSecret(int bytes) {
    byte[] raw = new byte[bytes];
    byte[] label = ("secret-" + counter.incrementAndGet()).getBytes();
    System.arraycopy(label, 0, raw, 0, Math.min(label.length, bytes));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }

  @Override
  public int nextInt(int bound) {
    return counter.getAndIncrement() % bound;
  }
}
