package io.khoj4j.archfixture.jpa.adapter.web;

/** Violation: JPA outside the persistence adapter. */
public class EntryResource {
  jakarta.persistence.EntityManager em;
}
