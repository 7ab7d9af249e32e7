package io.khoj4j.adapter.llm.out.chat;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import io.khoj4j.application.port.out.chat.TokenCounter;
import io.khoj4j.domain.chat.PromptMessage;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Token estimates with OpenAI's o200k tokenizer (jtokkit). Other vendors' tokenizers differ by some percent, which a
 * prompt budget tolerates. Each message costs 4 tokens of framing; each image a flat 500, as Khoj counts them.
 */
@ApplicationScoped
public class JtokkitTokenCounter implements TokenCounter {

  static final int MESSAGE_OVERHEAD = 4;
  static final int IMAGE_TOKENS = 500;

  private final Encoding encoding =
      Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

  @Override
  public int count(String text) {
    return text == null || text.isEmpty() ? 0 : encoding.countTokensOrdinary(text);
  }

  @Override
  public int count(PromptMessage message) {
    int images = message instanceof PromptMessage.User u ? u.images().size() : 0;
    return count(message.text()) + MESSAGE_OVERHEAD + images * IMAGE_TOKENS;
  }
}
