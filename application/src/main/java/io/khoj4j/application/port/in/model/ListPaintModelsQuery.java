package io.khoj4j.application.port.in.model;

/** The text-to-image models this server offers; the same for every user (each picks one). */
public record ListPaintModelsQuery() {}
