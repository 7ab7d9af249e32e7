package io.khoj4j.bootstrap.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.bootstrap.testing.FakeOpenAi;
import io.khoj4j.bootstrap.testing.TestUsers;
import io.khoj4j.bootstrap.testing.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 25, item 8: the chat socket reads text frames as RFC 6455 says. A text message that is not UTF-8 fails the
 * connection with 1007 and is not handled (it used to be answered and stored with U+FFFD in it); a valid message
 * whose characters are split across frames is still answered. Frames are built by hand, since no WebSocket client
 * sends invalid text.
 */
@QuarkusTest
@Tag("security")
class ChatSocketFramingIT {

  private static FakeOpenAi openAi;
  private static TestUser admin;

  @BeforeEach
  void model() {
    if (openAi == null) {
      openAi = new FakeOpenAi().start();
      admin = TestUsers.createAdmin();
    }
    openAi.configureAsDefault(admin);
    openAi.script("Hi there.", "Greeting");
  }

  @AfterAll
  static void stop() {
    if (openAi != null) {
      openAi.stop();
    }
  }

  /** What the server sent on one connection: the text frames, and the close code (-1 if none came). */
  private record Received(List<String> texts, int closeCode) {}

  @Test
  void aTextFrameThatIsNotUtf8ClosesTheSocketWith1007AndIsNotHandled() throws Exception {
    TestUser user = TestUsers.create();
    ByteArrayOutputStream payload = new ByteArrayOutputStream();
    payload.writeBytes("{\"q\":\"/general h".getBytes(StandardCharsets.UTF_8));
    payload.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
    payload.writeBytes("llo\"}".getBytes(StandardCharsets.UTF_8));

    Received received = exchange(user, List.of(frame(true, 0x1, payload.toByteArray())));

    assertThat(received.closeCode()).isEqualTo(1007);
    assertThat(received.texts()).as("no event of a turn").isEmpty();
    assertThat(openAi.server.getAllServeEvents()).as("no model call").isEmpty();
    user.request()
        .get("/api/chat/stats")
        .then()
        .statusCode(200)
        .body("num_conversations", Matchers.equalTo(0));
  }

  @Test
  void aTruncatedCharacterAtTheEndOfAFragmentedMessageClosesWith1007() throws Exception {
    TestUser user = TestUsers.create();
    byte[] start = "{\"q\":\"/general tea".getBytes(StandardCharsets.UTF_8);
    byte[] end = {(byte) 0xE2, (byte) 0x98};

    Received received = exchange(user, List.of(frame(false, 0x1, start), frame(true, 0x0, end)));

    assertThat(received.closeCode()).isEqualTo(1007);
    assertThat(received.texts()).isEmpty();
    user.request()
        .get("/api/chat/stats")
        .then()
        .statusCode(200)
        .body("num_conversations", Matchers.equalTo(0));
  }

  @Test
  void aCharacterSplitAcrossTwoFramesIsValidAndAnswered() throws Exception {
    TestUser user = TestUsers.create();
    byte[] message = "{\"q\":\"/general caf\u00e9 \u2615\"}".getBytes(StandardCharsets.UTF_8);
    int split = message.length - 4; // inside the three bytes of the cup of coffee
    byte[] first = java.util.Arrays.copyOfRange(message, 0, split);
    byte[] second = java.util.Arrays.copyOfRange(message, split, message.length);

    Received received = exchange(user, List.of(frame(false, 0x1, first), frame(true, 0x0, second)));

    assertThat(received.closeCode()).as("not failed").isEqualTo(-1);
    assertThat(received.texts()).anyMatch(t -> t.contains("end_response"));
    user.request()
        .get("/api/chat/history")
        .then()
        .statusCode(200)
        .body("response.chat.message", Matchers.hasItem("caf\u00e9 \u2615"));
  }

  /** A client frame: masked, as RFC 6455 requires of clients. */
  private static byte[] frame(boolean fin, int opcode, byte[] payload) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write((fin ? 0x80 : 0) | opcode);
    if (payload.length < 126) {
      out.write(0x80 | payload.length);
    } else {
      out.write(0x80 | 126);
      out.write(payload.length >> 8);
      out.write(payload.length & 0xFF);
    }
    byte[] mask = {0x12, 0x34, 0x56, 0x78};
    out.writeBytes(mask);
    for (int i = 0; i < payload.length; i++) {
      out.write(payload[i] ^ mask[i % 4]);
    }
    return out.toByteArray();
  }

  /**
   * Opens the chat socket by hand, sends the frames, and reads what comes back until the server closes the socket,
   * ends a turn, or stays silent for 10 s.
   */
  private static Received exchange(TestUser user, List<byte[]> frames) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), RestAssured.port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(("GET /api/chat/ws?client=web HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n"
              + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
              + Base64.getEncoder()
                  .encodeToString("khoj4j-test-key!".getBytes(StandardCharsets.US_ASCII))
              + "\r\nOrigin: http://localhost\r\nAuthorization: Bearer " + user.token()
              + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      DataInputStream in = new DataInputStream(socket.getInputStream());
      String head = readHead(in);
      assertThat(head).startsWith("HTTP/1.1 101");
      for (byte[] frame : frames) {
        out.write(frame);
      }
      out.flush();
      List<String> texts = new ArrayList<>();
      while (true) {
        int first;
        try {
          first = in.read();
        } catch (java.net.SocketTimeoutException | java.net.SocketException e) {
          return new Received(texts, -1);
        }
        if (first < 0) {
          return new Received(texts, -1);
        }
        int length = in.readUnsignedByte() & 0x7F;
        if (length == 126) {
          length = in.readUnsignedShort();
        } else if (length == 127) {
          length = (int) in.readLong();
        }
        byte[] payload = in.readNBytes(length);
        int opcode = first & 0x0F;
        if (opcode == 0x8) {
          return new Received(
              texts, payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005);
        }
        if (opcode == 0x1 || opcode == 0x0) {
          String text = new String(payload, StandardCharsets.UTF_8);
          texts.add(text);
          if (text.contains("end_response")) {
            return new Received(texts, -1);
          }
        }
      }
    }
  }

  private static String readHead(DataInputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.append((char) b);
    }
    return head.toString();
  }
}
