package io.khoj4j.adapter.web.in.connector;

import io.khoj4j.adapter.web.in.connector.ConnectorWebModels.ConnectorResponse;
import io.khoj4j.adapter.web.security.CurrentUser;
import io.khoj4j.application.port.in.content.ContentQuery;
import io.khoj4j.application.port.in.content.QueryContentUseCase;
import io.khoj4j.application.port.in.user.AccountQuery;
import io.khoj4j.application.port.in.user.ManageAccountUseCase;
import io.khoj4j.domain.user.User;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The user keys Khoj puts beside {@code current_config} in the connector settings answers. */
@RequestScoped
class UserKeys {

  private final CurrentUser currentUser;
  private final ManageAccountUseCase accounts;
  private final QueryContentUseCase content;
  private final String version;

  UserKeys(
      CurrentUser currentUser,
      ManageAccountUseCase accounts,
      QueryContentUseCase content,
      @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev") String version) {
    this.currentUser = currentUser;
    this.accounts = accounts;
    this.content = content;
    this.version = version;
  }

  ConnectorResponse response(Object currentConfig) {
    User user = accounts.get(new AccountQuery(currentUser.id()));
    String photo = accounts.photo(new AccountQuery(currentUser.id())).orElse(null);
    boolean hasDocuments = content.hasDocuments(new ContentQuery.HasDocuments(currentUser.id()));
    return new ConnectorResponse(
        user.username(), photo, true, hasDocuments, version, currentConfig);
  }
}
