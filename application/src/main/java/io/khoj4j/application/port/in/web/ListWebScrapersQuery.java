package io.khoj4j.application.port.in.web;

/** All configured page readers, lowest priority number first. */
public record ListWebScrapersQuery() {}
