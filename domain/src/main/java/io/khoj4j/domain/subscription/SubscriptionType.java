package io.khoj4j.domain.subscription;

import java.util.Locale;

/** What kind of subscription a user holds: a time-boxed trial, or the standard (paid or lapsed) kind. */
public enum SubscriptionType {
  TRIAL,
  STANDARD;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** @throws IllegalArgumentException for anything but {@code trial} or {@code standard} */
  public static SubscriptionType fromWire(String value) {
    for (SubscriptionType t : values()) {
      if (t.wireName().equals(value)) {
        return t;
      }
    }
    throw new IllegalArgumentException("Unknown subscription type: " + value);
  }
}
