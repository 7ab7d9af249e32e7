package io.khoj4j.archfixture.adapters.adapter.persistence;

public class NoteEntity {}
