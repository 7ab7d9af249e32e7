package io.khoj4j.application.port.in.migration;

/**
 * Copies a Khoj server's users, tokens, chat models, files, agents and conversations into this server, reading the
 * source only. Running it again imports only what is not imported yet, so an interrupted run continues.
 */
public interface ImportKhojDataUseCase {

  ImportReport importData(ImportKhojCommand command, ImportProgress progress);
}
