package io.khoj4j.archfixture.purity.domain;

/** Violation: the model leans on a framework type. */
public class Note {
  jakarta.ws.rs.core.MediaType type;
}
