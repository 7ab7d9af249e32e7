package io.khoj4j.domain.image;

import io.khoj4j.domain.chat.ChatModel;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A text-to-image model an administrator configured, as Khoj's text-to-image model setting: the vendor's model name,
 * the name users see, the vendor's API kind, an API address when not the vendor's public one, and a price tier. Its
 * API key is kept apart, sealed. {@code id} 0: not stored yet.
 */
public record ImageModel(
    long id,
    String name,
    String friendlyName,
    Kind kind,
    Optional<URI> apiUrl,
    ChatModel.PriceTier tier) {

  /** The image APIs this server speaks, under Khoj's model-type names. */
  public enum Kind {
    OPENAI("openai"),
    GOOGLE("google"),
    REPLICATE("replicate");

    private final String wireName;

    Kind(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }

    public static Optional<Kind> fromWire(String name) {
      if (name == null) {
        return Optional.empty();
      }
      String wanted = name.strip().toLowerCase(Locale.ROOT);
      for (Kind kind : values()) {
        if (kind.wireName.equals(wanted)) {
          return Optional.of(kind);
        }
      }
      return Optional.empty();
    }
  }

  public ImageModel {
    Objects.requireNonNull(kind, "kind");
    tier = tier == null ? ChatModel.PriceTier.FREE : tier;
    if (id < 0) {
      throw new IllegalArgumentException("an image model's id is positive: " + id);
    }
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("an image model needs the vendor's model name");
    }
    name = name.strip();
    if (kind == Kind.REPLICATE && !name.matches("[\\w.-]+/[\\w.-]+")) {
      throw new IllegalArgumentException("a Replicate model is named owner/name: " + name);
    }
    friendlyName = friendlyName == null || friendlyName.isBlank() ? name : friendlyName.strip();
    apiUrl = apiUrl == null ? Optional.empty() : apiUrl;
    apiUrl.ifPresent(url -> {
      String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
        throw new IllegalArgumentException("an image model's API address must be http(s): " + url);
      }
    });
  }

  public ImageModel withId(long newId) {
    return new ImageModel(newId, name, friendlyName, kind, apiUrl, tier);
  }
}
