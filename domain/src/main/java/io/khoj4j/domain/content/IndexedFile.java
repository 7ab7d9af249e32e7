package io.khoj4j.domain.content;

import io.khoj4j.domain.user.UserId;
import java.time.Instant;
import java.util.UUID;

/** One indexed file (Khoj's FileObject): its whole text, for listing, viewing and grepping. */
public record IndexedFile(
    UUID id,
    UserId owner,
    String name,
    ContentType type,
    ContentSource source,
    String rawText,
    long sizeBytes,
    Instant updatedAt) {}
