package io.khoj4j.application.service.agent;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Names for hidden agents, {@code <adjective>_<animal><1000-9999>}, drawn from the agent's id (no randomness here). */
final class HiddenAgentNames {

  private static final List<String> ADJECTIVES = List.of(
      "brisk", "calm", "clever", "eager", "gentle", "jolly", "keen", "lively", "merry", "nimble",
      "quiet", "sunny", "swift", "tidy", "witty", "zesty");
  private static final List<String> ANIMALS = List.of(
      "badger", "crane", "dolphin", "falcon", "gecko", "heron", "koala", "lynx", "marten", "newt",
      "otter", "panda", "quail", "robin", "seal", "wren");

  private HiddenAgentNames() {}

  static String of(UUID id) {
    long bits = id.getMostSignificantBits() ^ id.getLeastSignificantBits();
    String adjective = ADJECTIVES.get((int) Math.floorMod(bits, (long) ADJECTIVES.size()));
    String animal = ANIMALS.get((int) Math.floorMod(bits >>> 8, (long) ANIMALS.size()));
    long number = 1000 + Math.floorMod(bits >>> 16, 9000L);
    return String.format(Locale.ROOT, "%s_%s%d", adjective, animal, number);
  }
}
