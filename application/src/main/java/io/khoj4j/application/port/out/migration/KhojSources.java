package io.khoj4j.application.port.out.migration;

/** Opens a Khoj server's data for reading. */
public interface KhojSources {

  /**
   * Opens the source at {@code location}; throws {@link IllegalArgumentException} with a reason a person can act on
   * when it cannot be reached or does not hold Khoj's schema.
   */
  KhojSource open(String location);
}
