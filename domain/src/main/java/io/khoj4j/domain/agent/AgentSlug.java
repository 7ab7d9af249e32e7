package io.khoj4j.domain.agent;

import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * An agent's stable address. Derived once from the name when the agent is created (lower case, runs of anything but
 * letters and digits become one dash) plus six digits taken from the agent's id, so two agents with the same name get
 * different slugs; renaming never changes it. Compared case-insensitively, as Khoj does.
 */
public record AgentSlug(String value) {

  public static final int MAX_LENGTH = 200;
  private static final int SUFFIX_MODULUS = 1_000_000;

  public AgentSlug {
    Objects.requireNonNull(value, "slug");
    value = value.strip().toLowerCase(Locale.ROOT);
    if (value.isEmpty() || value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("a slug has 1 to " + MAX_LENGTH + " characters");
    }
  }

  public static AgentSlug of(String value) {
    return new AgentSlug(value);
  }

  /** The slug of a new agent with this name and id. */
  public static AgentSlug derive(String name, UUID id) {
    String base =
        name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-+|-+$", "");
    long digits = Math.floorMod(id.getLeastSignificantBits(), (long) SUFFIX_MODULUS);
    String suffix = String.format(Locale.ROOT, "%06d", digits);
    int room = MAX_LENGTH - suffix.length() - 1;
    if (base.length() > room) {
      base = base.substring(0, room);
    }
    return new AgentSlug(base.isEmpty() ? "agent-" + suffix : base + "-" + suffix);
  }

  @Override
  public String toString() {
    return value;
  }
}
