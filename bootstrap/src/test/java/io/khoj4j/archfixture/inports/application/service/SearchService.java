package io.khoj4j.archfixture.inports.application.service;

public class SearchService {}
