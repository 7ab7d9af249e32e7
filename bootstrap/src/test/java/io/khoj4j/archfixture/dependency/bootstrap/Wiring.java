package io.khoj4j.archfixture.dependency.bootstrap;

/** Target of the fixtures that reach into the wiring; obeys every rule itself. */
public class Wiring {}
