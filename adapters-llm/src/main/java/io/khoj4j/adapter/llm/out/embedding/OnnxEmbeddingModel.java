package io.khoj4j.adapter.llm.out.embedding;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import io.khoj4j.application.port.out.embedding.EmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * An embedding model that runs in this process (ONNX Runtime, model shipped in a Maven jar): search works with no
 * network at all. Both supported models make normalized 384-dimension vectors.
 *
 * <p>Each text runs on one thread: a document batch spreads its texts over {@code threads} threads, and a query runs
 * on the caller's thread. ONNX Runtime's own default (every core on each call, idle workers spinning) buys nothing
 * for texts this short and takes the cores that parsing, the database and other searches need (measured in
 * docs/benchmarks.md).
 *
 * <p>A query that fits the model's window in one piece (512 tokens with the two special ones: every search query but
 * the longest) is tokenized once and its token vectors are written by ONNX Runtime into a buffer outside the heap,
 * from which the pooled vector is read. The general path (LangChain4j's encoder, used for documents and longer
 * queries) tokenizes the text three times and copies every token's vector into Java arrays, about 45 KB per query
 * that a search would otherwise allocate. Both paths pool and normalize alike, and give the same vector for the same
 * tokens ({@code OnnxEmbeddingModelTest}).
 */
public final class OnnxEmbeddingModel implements EmbeddingModel, AutoCloseable {

  /** The in-process models khoj4j ships, with the resources of their jars. */
  public enum Variant {
    BGE_SMALL_EN_V15_Q(
        "bge-small-en-v1.5-q",
        "Represent this sentence for searching relevant passages: ",
        "bge-small-en-v1.5-q.onnx",
        "bge-small-en-v1.5-q-tokenizer.json",
        PoolingMode.CLS),
    ALL_MINILM_L6_V2_Q(
        "all-minilm-l6-v2-q",
        "",
        "all-minilm-l6-v2-q.onnx",
        "all-minilm-l6-v2-q-tokenizer.json",
        PoolingMode.MEAN);

    private final String id;
    private final String queryInstruction;
    private final String modelResource;
    private final String tokenizerResource;
    private final PoolingMode pooling;

    Variant(
        String id,
        String queryInstruction,
        String modelResource,
        String tokenizerResource,
        PoolingMode pooling) {
      this.id = id;
      this.queryInstruction = queryInstruction;
      this.modelResource = modelResource;
      this.tokenizerResource = tokenizerResource;
      this.pooling = pooling;
    }

    public String id() {
      return id;
    }

    public static Variant of(String id) {
      for (Variant v : values()) {
        if (v.id.equals(id.toLowerCase(Locale.ROOT))) {
          return v;
        }
      }
      throw new IllegalArgumentException("unknown in-process embedding model: " + id);
    }
  }

  private final Variant variant;
  private final boolean queryInstruction;
  private final OrtSession session;
  private final ThreadPoolExecutor pool;
  private final AbstractInProcessEmbeddingModel model;
  private final OrtEnvironment environment;
  /** The tokenizer of the one-piece query path; the encoder keeps its own, configured alike. */
  private final HuggingFaceTokenizer tokenizer;
  /** Whether the model takes token type ids (the encoder passes them only then). */
  private final boolean takesTokenTypes;
  /** The model's first output (each token's vector), the one the encoder pools. */
  private final String tokenVectors;
  /** Document batches take turns on the pool, so each finishes as soon as it can; a query never waits for them. */
  private final Semaphore batches = new Semaphore(1, true);
  /** Calls hold it shared; closing holds it alone, so the native session is never freed under a running call. */
  private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();

  private boolean closed;

  /**
   * @param threads how many texts of a document batch are embedded at once, each on its own thread
   */
  public OnnxEmbeddingModel(Variant variant, boolean useQueryInstruction, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("embedding threads must be at least 1, not " + threads);
    }
    this.variant = variant;
    this.queryInstruction = useQueryInstruction;
    this.environment = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      options.addConfigEntry("session.intra_op.allow_spinning", "0");
      this.session =
          environment.createSession(resource(variant.modelResource).readAllBytes(), options);
    } catch (OrtException e) {
      throw new IllegalStateException("cannot load the ONNX model " + variant.modelResource, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    OnnxBertBiEncoder encoder = new OnnxBertBiEncoder(
        environment, session, resource(variant.tokenizerResource), variant.pooling);
    try {
      // as the encoder builds its own: no padding
      this.tokenizer = HuggingFaceTokenizer.newInstance(
          resource(variant.tokenizerResource), Map.of("padding", "false"));
      this.takesTokenTypes = session.getInputNames().contains("token_type_ids");
      Map.Entry<String, NodeInfo> first =
          session.getOutputInfo().entrySet().iterator().next();
      this.tokenVectors = first.getKey();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (OrtException e) {
      throw new IllegalStateException("cannot read the ONNX model's outputs", e);
    }
    AtomicInteger count = new AtomicInteger();
    // idle threads end, so a discarded model (a dev-mode reload) leaves none behind
    this.pool = new ThreadPoolExecutor(
        threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
          Thread t = new Thread(task, "onnx-embedding-" + count.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    pool.allowCoreThreadTimeOut(true);
    this.model = new AbstractInProcessEmbeddingModel(pool) {
      @Override
      protected OnnxBertBiEncoder model() {
        return encoder;
      }

      @Override
      protected Integer knownDimension() {
        return 384;
      }
    };
  }

  /** One thread per core for document batches. */
  public OnnxEmbeddingModel(Variant variant, boolean useQueryInstruction) {
    this(variant, useQueryInstruction, Runtime.getRuntime().availableProcessors());
  }

  public OnnxEmbeddingModel(Variant variant) {
    this(variant, true);
  }

  private static InputStream resource(String name) {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    InputStream in = context == null ? null : context.getResourceAsStream(name);
    if (in == null) {
      in = OnnxEmbeddingModel.class.getClassLoader().getResourceAsStream(name);
    }
    if (in == null) {
      throw new IllegalStateException(name + " is not on the class path: its model jar is missing");
    }
    return in;
  }

  @Override
  public String id() {
    return variant.id;
  }

  @Override
  public int dimension() {
    return 384;
  }

  @Override
  public List<float[]> embedDocuments(List<String> texts) {
    if (texts.isEmpty()) {
      return List.of();
    }
    return whileOpen(() -> {
      batches.acquireUninterruptibly();
      try {
        return model
            .embedAll(texts.stream().map(t -> TextSegment.from(nonBlank(t))).toList())
            .content()
            .stream()
            .map(e -> e.vector())
            .toList();
      } finally {
        batches.release();
      }
    });
  }

  @Override
  public float[] embedQuery(String text) {
    String query = nonBlank(queryInstruction ? variant.queryInstruction + text : text);
    return whileOpen(() -> {
      float[] inOnePiece = embedInOnePiece(query);
      return inOnePiece != null ? inOnePiece : throughEncoder(query);
    });
  }

  /** The most tokens the encoder embeds in one piece, its two special tokens included. */
  static final int ONE_PIECE = 512;

  /**
   * The text's vector from one run of the model, its token vectors written outside the heap; {@code null} when the
   * text does not fit in one piece (the encoder splits it and averages the pieces).
   */
  float[] embedInOnePiece(String text) {
    Encoding encoding = tokenizer.encode(text, true, false);
    long[] ids = encoding.getIds();
    // the tokenizer cuts a longer text at its window and says so
    if (encoding.exceedMaxLength() || ids.length > ONE_PIECE || ids.length < 3) {
      return null;
    }
    long[] shape = {1, ids.length};
    FloatBuffer vectors = ByteBuffer.allocateDirect(ids.length * dimension() * Float.BYTES)
        .order(ByteOrder.nativeOrder())
        .asFloatBuffer();
    Map<String, OnnxTensor> inputs = new HashMap<>();
    try (OnnxTensor input = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
        OnnxTensor mask = OnnxTensor.createTensor(
            environment, LongBuffer.wrap(encoding.getAttentionMask()), shape);
        OnnxTensor types =
            OnnxTensor.createTensor(environment, LongBuffer.wrap(encoding.getTypeIds()), shape);
        OnnxTensor output = OnnxTensor.createTensor(
            environment, vectors, new long[] {1, ids.length, dimension()})) {
      inputs.put("input_ids", input);
      inputs.put("attention_mask", mask);
      if (takesTokenTypes) {
        inputs.put("token_type_ids", types);
      }
      session.run(inputs, Set.of(), Map.of(tokenVectors, output)).close();
    } catch (OrtException e) {
      throw new IllegalStateException("the ONNX model failed on a query", e);
    }
    return normalized(pooled(vectors, ids.length));
  }

  /** The text's vector as the encoder makes it (for the texts that do not fit in one piece, and for tests). */
  float[] embedThroughEncoder(String text) {
    return whileOpen(() -> throughEncoder(nonBlank(text)));
  }

  private float[] throughEncoder(String text) {
    return model.embed(text).content().vector();
  }

  /** The first token's vector, or the mean of all tokens' (summed in token order, as the encoder does). */
  private float[] pooled(FloatBuffer vectors, int tokens) {
    int d = dimension();
    float[] pooled = new float[d];
    if (variant.pooling == PoolingMode.CLS) {
      vectors.get(0, pooled);
      return pooled;
    }
    for (int t = 0; t < tokens; t++) {
      for (int j = 0; j < d; j++) {
        pooled[j] += vectors.get(t * d + j);
      }
    }
    for (int j = 0; j < d; j++) {
      pooled[j] /= tokens;
    }
    return pooled;
  }

  /** The vector scaled to length 1, in the encoder's arithmetic (a float sum of squares, its root in double). */
  private static float[] normalized(float[] v) {
    float squares = 0;
    for (float x : v) {
      squares += x * x;
    }
    float norm = (float) Math.sqrt(squares);
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i] / norm;
    }
    return out;
  }

  private <T> T whileOpen(Supplier<T> call) {
    lifecycle.readLock().lock();
    try {
      if (closed) {
        throw new IllegalStateException("the embedding model " + variant.id + " is closed");
      }
      return call.get();
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  /** The models cannot embed nothing; an empty text gets the vector of a lone full stop. */
  static String nonBlank(String text) {
    return text.isBlank() ? "." : text;
  }

  /** Waits for running calls, then frees the threads and the native session; later calls fail. */
  @Override
  public void close() {
    lifecycle.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      pool.shutdown();
      session.close();
      tokenizer.close();
    } catch (OrtException e) {
      throw new IllegalStateException("cannot close the ONNX session", e);
    } finally {
      lifecycle.writeLock().unlock();
    }
  }
}
