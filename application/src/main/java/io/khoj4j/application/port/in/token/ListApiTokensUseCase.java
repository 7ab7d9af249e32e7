package io.khoj4j.application.port.in.token;

import io.khoj4j.domain.user.ApiToken;
import java.util.List;

public interface ListApiTokensUseCase {

  List<ApiToken> list(ListApiTokensQuery query);
}
