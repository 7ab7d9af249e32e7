package io.khoj4j.archfixture.naming.adapter.web;

/** Violation: a route class not named *Resource. */
@jakarta.ws.rs.Path("/notes")
public class Notes {}
