package io.khoj4j.application.port.out.tools;

import io.khoj4j.domain.image.ImageModel;
import java.util.Optional;

/** Makes the image generator that paints with an administrator's image model, with its key opened. */
public interface ImageGenerators {

  ImageGenerator forModel(ImageModel model, Optional<String> apiKey);
}
