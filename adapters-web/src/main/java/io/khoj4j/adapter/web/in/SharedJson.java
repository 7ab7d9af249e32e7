package io.khoj4j.adapter.web.in;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.khoj4j.adapter.web.error.NulFreeStrings;

/**
 * The one Jackson mapper of this adapter's plain-Java code (vendor bodies, stored JSON), where no CDI bean is at hand:
 * one instance, configured in one place. Thread-safe once configured.
 */
public final class SharedJson {

  public static final ObjectMapper MAPPER =
      new ObjectMapper().registerModule(NulFreeStrings.MODULE);

  private SharedJson() {}
}
