package io.khoj4j.application.port.out.shared;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Fake: sealed values are opaque handles into a map; passes {@link SecretBoxContract}. */
public final class InMemorySecretBox implements SecretBox {

  private final Map<String, String> secrets = new ConcurrentHashMap<>();
  private final AtomicLong next = new AtomicLong();

  @Override
  public SealedSecret seal(String plaintext) {
    String handle = "fake:" + next.incrementAndGet();
    secrets.put(handle, plaintext);
    return new SealedSecret(handle);
  }

  @Override
  public String open(SealedSecret sealed) {
    String plaintext = secrets.get(sealed.value());
    if (plaintext == null) {
      throw new IllegalStateException("not sealed by this box");
    }
    return plaintext;
  }
}
