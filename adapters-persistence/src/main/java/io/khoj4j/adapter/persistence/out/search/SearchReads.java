package io.khoj4j.adapter.persistence.out.search;

import jakarta.inject.Qualifier;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The data source searches read from: a read replica when {@code khoj.search.replica.jdbc-url} names one, else the
 * primary ({@link SearchDataSources}).
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE})
public @interface SearchReads {}
