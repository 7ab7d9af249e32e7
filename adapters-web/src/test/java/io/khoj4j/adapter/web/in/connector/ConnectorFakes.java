package io.khoj4j.adapter.web.in.connector;

import static io.khoj4j.adapter.web.WebSlice.ALICE;

import io.khoj4j.adapter.web.WebSlice;
import io.khoj4j.application.port.in.connector.ConnectorsView;
import io.khoj4j.application.port.in.content.ContentQuery;
import io.khoj4j.application.port.in.content.FilePage;
import io.khoj4j.application.port.in.content.QueryContentUseCase;
import io.khoj4j.application.port.in.user.AccountQuery;
import io.khoj4j.application.port.in.user.DeleteAccountCommand;
import io.khoj4j.application.port.in.user.ManageAccountUseCase;
import io.khoj4j.application.port.in.user.RenameAccountCommand;
import io.khoj4j.domain.connector.SyncState;
import io.khoj4j.domain.content.ContentSource;
import io.khoj4j.domain.content.ContentType;
import io.khoj4j.domain.content.IndexedFile;
import io.khoj4j.domain.user.User;
import io.khoj4j.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the connector resources' slice tests share: the user keys beside {@code current_config} (built from fake
 * account and content use cases), a {@link SyncOnSave} that records what it would start, and everything the fakes
 * were handed.
 */
final class ConnectorFakes {

  static final String USER_KEYS = "\"username\":\"alice\",\"user_photo\":null,\"is_active\":true,"
      + "\"has_documents\":false,\"khoj_version\":\"1.2.3\"";

  final List<Object> received = new ArrayList<>();
  final List<String> syncsStarted = new ArrayList<>();
  ConnectorsView view =
      new ConnectorsView(Optional.empty(), Optional.empty(), SyncState.never(), SyncState.never());

  UserKeys userKeys() {
    return new UserKeys(WebSlice.alice(), accounts(), content(), "1.2.3");
  }

  SyncOnSave syncOnSave() {
    return new SyncOnSave(
        c -> {
          throw new AssertionError("the recording SyncOnSave never syncs");
        },
        true) {
      @Override
      void start(UserId owner, ContentSource source) {
        syncsStarted.add(owner + ":" + source.wireName());
      }
    };
  }

  static String aliceStarted(ContentSource source) {
    return ALICE + ":" + source.wireName();
  }

  private ManageAccountUseCase accounts() {
    return new ManageAccountUseCase() {
      @Override
      public User get(AccountQuery q) {
        received.add(q);
        return new User(
            q.user(), "alice", "alice@example.org", "Alice", "", true, false, Instant.EPOCH);
      }

      @Override
      public Optional<String> photo(AccountQuery q) {
        return Optional.empty();
      }

      @Override
      public User rename(RenameAccountCommand c) {
        throw new AssertionError("not used");
      }

      @Override
      public void delete(DeleteAccountCommand c) {
        throw new AssertionError("not used");
      }
    };
  }

  private QueryContentUseCase content() {
    return new QueryContentUseCase() {
      @Override
      public Set<ContentType> types(ContentQuery.Types q) {
        throw new AssertionError("not used");
      }

      @Override
      public FilePage files(ContentQuery.Files q) {
        throw new AssertionError("not used");
      }

      @Override
      public IndexedFile file(ContentQuery.File q) {
        throw new AssertionError("not used");
      }

      @Override
      public List<String> sourceFiles(ContentQuery.SourceFiles q) {
        throw new AssertionError("not used");
      }

      @Override
      public boolean hasDocuments(ContentQuery.HasDocuments q) {
        received.add(q);
        return false;
      }

      @Override
      public long indexedBytes(ContentQuery.IndexedBytes q) {
        throw new AssertionError("not used");
      }
    };
  }
}
