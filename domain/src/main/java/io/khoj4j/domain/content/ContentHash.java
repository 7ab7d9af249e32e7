package io.khoj4j.domain.content;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Identity of a chunk's content: MD5 of its compiled text, as Khoj computes it. Not a security measure; it decides
 * whether a chunk is unchanged (and its embedding reusable).
 */
public record ContentHash(String hex) {

  public ContentHash {
    Objects.requireNonNull(hex, "hex");
    if (!hex.matches("[0-9a-f]{32}")) {
      throw new IllegalArgumentException("not an MD5 hex digest: " + hex);
    }
  }

  public static ContentHash of(String compiled) {
    try {
      byte[] digest =
          MessageDigest.getInstance("MD5").digest(compiled.getBytes(StandardCharsets.UTF_8));
      return new ContentHash(HexFormat.of().formatHex(digest));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is part of every JDK", e);
    }
  }
}
