package io.khoj4j.application.port.in.chat;

import io.khoj4j.domain.chat.AttachedFile;
import io.khoj4j.domain.user.UserId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One chat message (Khoj's ChatRequestBody). {@code q} as received (the service URL-decodes it, as Khoj does);
 * {@code n} notes per search query; {@code maxDistance} Khoj's {@code d}.
 */
public record ChatCommand(
    UserId user,
    String q,
    int n,
    Optional<Double> maxDistance,
    Optional<UUID> conversationId,
    Optional<String> title,
    Optional<String> turnId,
    boolean createNew,
    Location location,
    List<String> images,
    List<AttachedFile> files) {

  public static final int MAX_QUERY_CHARS = 100_000;

  public record Location(
      String city, String region, String country, String countryCode, String timezone) {
    public static final Location UNKNOWN = new Location(null, null, null, null, null);

    public String describe() {
      StringBuilder sb = new StringBuilder();
      for (String part : new String[] {city, region, country}) {
        if (part != null && !part.isBlank()) {
          sb.append(sb.isEmpty() ? "" : ", ").append(part.strip());
        }
      }
      return sb.toString();
    }
  }

  public ChatCommand {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(q, "q");
    maxDistance = maxDistance == null ? Optional.empty() : maxDistance;
    conversationId = conversationId == null ? Optional.empty() : conversationId;
    title = title == null ? Optional.empty() : title.filter(t -> !t.isBlank());
    turnId = turnId == null ? Optional.empty() : turnId.filter(t -> !t.isBlank());
    location = location == null ? Location.UNKNOWN : location;
    images = images == null ? List.of() : List.copyOf(images);
    files = files == null ? List.of() : List.copyOf(files);
  }
}
