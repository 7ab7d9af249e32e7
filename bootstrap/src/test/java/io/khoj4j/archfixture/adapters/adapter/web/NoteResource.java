package io.khoj4j.archfixture.adapters.adapter.web;

import io.khoj4j.archfixture.adapters.adapter.persistence.NoteEntity;

/** Violation: one adapter uses another. */
public class NoteResource {
  NoteEntity entity;
}
