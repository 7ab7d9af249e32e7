package io.khoj4j.application.port.out.content;

import io.khoj4j.domain.content.Chunk;
import io.khoj4j.domain.content.ContentSource;
import io.khoj4j.domain.content.ContentType;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/** A chunk ready to be written: its embedding (from {@code modelId}), its section's corpus id, dates it mentions. */
public record StoredChunk(
    UUID id,
    Chunk chunk,
    ContentType type,
    ContentSource source,
    UUID corpusId,
    float[] embedding,
    String modelId,
    Set<LocalDate> dates) {}
