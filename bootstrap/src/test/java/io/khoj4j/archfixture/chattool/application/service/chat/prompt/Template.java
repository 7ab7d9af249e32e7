package io.khoj4j.archfixture.chattool.application.service.chat.prompt;

/** Conforming: a prompt knows neither the turn nor the tools. */
public class Template {}
