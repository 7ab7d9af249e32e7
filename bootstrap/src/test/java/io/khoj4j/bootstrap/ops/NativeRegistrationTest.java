package io.khoj4j.bootstrap.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.huggingface.tokenizers.jni.TokenizersLibrary;
import ai.onnxruntime.OrtEnvironment;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.khoj4j.adapter.persistence.out.search.BoundedConnections;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * What a native build needs beyond what Quarkus registers by itself (ADR 0030): every class of ONNX Runtime's and
 * the tokenizer's JNI packages is in the JNI configuration (their native code looks them up by name), and the model
 * files the in-process embedding model loads from the class path are included as resources. Fails when a
 * dependency upgrade adds a class or an entry is lost.
 */
class NativeRegistrationTest {

  private static final String CONFIG = "/META-INF/native-image/io.khoj4j/khoj4j/jni-config.json";

  private static List<String> registered() throws Exception {
    try (InputStream in = NativeRegistrationTest.class.getResourceAsStream(CONFIG)) {
      assertThat(in).as(CONFIG).isNotNull();
      List<String> names = new ArrayList<>();
      for (JsonNode entry : new ObjectMapper().readTree(in)) {
        names.add(entry.path("name").asText());
      }
      return names;
    }
  }

  private static List<String> classesOfPackage(Class<?> member) throws Exception {
    Path jar =
        Path.of(member.getProtectionDomain().getCodeSource().getLocation().toURI());
    String prefix = member.getPackageName().replace('.', '/') + "/";
    List<String> names = new ArrayList<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      file.stream()
          .map(e -> e.getName())
          .filter(n -> n.startsWith(prefix)
              && n.endsWith(".class")
              && !n.substring(prefix.length()).contains("/"))
          .forEach(
              n -> names.add(n.substring(0, n.length() - ".class".length()).replace('/', '.')));
    }
    assertThat(names).as("classes of " + member.getPackageName()).isNotEmpty();
    return names;
  }

  @Test
  void everyOnnxRuntimeClassIsRegisteredForJni() throws Exception {
    assertThat(registered()).containsAll(classesOfPackage(OrtEnvironment.class));
  }

  @Test
  void everyTokenizerJniClassIsRegistered() throws Exception {
    assertThat(registered()).containsAll(classesOfPackage(TokenizersLibrary.class));
  }

  @Test
  void theSearchConnectionsProxyIsRegistered() throws Exception {
    String proxies = "/META-INF/native-image/io.khoj4j/khoj4j/proxy-config.json";
    List<List<String>> registered = new ArrayList<>();
    try (InputStream in = NativeRegistrationTest.class.getResourceAsStream(proxies)) {
      assertThat(in).as(proxies).isNotNull();
      for (JsonNode entry : new ObjectMapper().readTree(in)) {
        List<String> interfaces = new ArrayList<>();
        entry.path("interfaces").forEach(i -> interfaces.add(i.asText()));
        registered.add(interfaces);
      }
    }
    assertThat(registered)
        .contains(BoundedConnections.PROXIED.stream().map(Class::getName).toList());
  }

  @Test
  void modelFilesAreNativeResources() throws Exception {
    Properties config = new Properties();
    try (InputStream in =
        NativeRegistrationTest.class.getResourceAsStream("/application.properties")) {
      config.load(in);
    }
    String includes = config.getProperty("quarkus.native.resources.includes", "");
    for (String resource : List.of(
        "bge-small-en-v1.5-q.onnx",
        "bge-small-en-v1.5-q-tokenizer.json",
        "all-minilm-l6-v2-q.onnx",
        "all-minilm-l6-v2-q-tokenizer.json")) {
      assertThat(NativeRegistrationTest.class.getClassLoader().getResource(resource))
          .as(resource)
          .isNotNull();
      assertThat(matchesAny(includes, resource))
          .as(resource + " in " + includes)
          .isTrue();
    }
  }

  private static boolean matchesAny(String globs, String resource) {
    for (String glob : globs.split(",")) {
      String regex = glob.trim()
          .replace(".", "\\.")
          .replace("**", "\u0000")
          .replace("*", "[^/]*")
          .replace("\u0000", ".*");
      if (!glob.isBlank() && resource.matches(regex)) {
        return true;
      }
    }
    return false;
  }

  @Test
  void nativeProfileExists() throws Exception {
    String pom = Files.readString(Path.of("pom.xml"));
    assertThat(pom)
        .contains("<id>native</id>")
        .contains("<quarkus.native.enabled>true</quarkus.native.enabled>");
  }
}
