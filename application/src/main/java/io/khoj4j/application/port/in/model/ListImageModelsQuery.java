package io.khoj4j.application.port.in.model;

/** Every configured text-to-image model, as administrators see them. */
public record ListImageModelsQuery() {}
