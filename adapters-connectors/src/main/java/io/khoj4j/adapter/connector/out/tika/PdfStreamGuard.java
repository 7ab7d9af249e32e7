package io.khoj4j.adapter.connector.out.tika;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Decodes every data stream of a PDF (page contents, fonts, forms, object streams) into a discarded, counting sink
 * before Tika opens the file, and stops at the first stream that grows past the compression ratio or once the whole
 * would pass the size limit. PDFBox, which Tika uses, decodes a stream whole before any text of it comes out, so the
 * character limit cannot stop a FlateDecode stream that expands to gigabytes; this scan can, holding one buffer.
 *
 * <p>The file is opened with PDFBox itself (the parser Tika will use, so both see the same objects), its stream cache
 * capped at the size limit, and each stream decoded with PDFBox's own filters writing into the counting sink. Image
 * streams are left alone: text extraction does not decode them, and the image codecs produce pixels, not data.
 */
final class PdfStreamGuard {

  /** Small streams may compress very well (a page of repeated operators); the ratio counts only past this many. */
  static final long GRACE_BYTES = ZipContainerGuard.GRACE_BYTES;

  private static final Set<COSName> IMAGE_CODECS = Set.of(
      COSName.DCT_DECODE,
      COSName.DCT_DECODE_ABBREVIATION,
      COSName.JPX_DECODE,
      COSName.JBIG2_DECODE,
      COSName.CCITTFAX_DECODE,
      COSName.CCITTFAX_DECODE_ABBREVIATION);

  private final long maxDecodedBytes;
  private final int maxRatio;

  PdfStreamGuard(long maxDecodedBytes, int maxRatio) {
    this.maxDecodedBytes = maxDecodedBytes;
    this.maxRatio = maxRatio;
  }

  /** What the scan found; {@code bytesDecoded} is how far it decoded, all streams together, before deciding. */
  record Verdict(Optional<String> refusal, long bytesDecoded) {}

  static boolean isPdf(byte[] content) {
    int end = Math.min(content.length - 4, 1024);
    for (int i = 0; i < end; i++) {
      if (content[i] == '%'
          && content[i + 1] == 'P'
          && content[i + 2] == 'D'
          && content[i + 3] == 'F') {
        return true;
      }
    }
    return false;
  }

  Verdict inspect(byte[] content) {
    Sink sink = new Sink();
    try (PDDocument pdf = Loader.loadPDF(
        content,
        "",
        null,
        null,
        MemoryUsageSetting.setupMainMemoryOnly(maxDecodedBytes).streamCache)) {
      return new Verdict(scan(pdf.getDocument(), sink), sink.total);
    } catch (IOException | RuntimeException e) {
      // encrypted, damaged or not a PDF at all: Tika reads it (or says why it cannot) within the
      // other limits;
      // a stream PDFBox had to decode just to open the file was held to the size limit by the
      // capped cache
      if (sink.refusal != null) {
        return new Verdict(Optional.of(sink.refusal), sink.total);
      }
      if (String.valueOf(e.getMessage()).contains("Maximum allowed")) {
        return new Verdict(
            Optional.of("decodes to more than " + maxDecodedBytes + " bytes"), sink.total);
      }
      return new Verdict(Optional.empty(), sink.total);
    }
  }

  private Optional<String> scan(COSDocument document, Sink sink) throws IOException {
    List<COSObjectKey> keys = new ArrayList<>(document.getXrefTable().keySet());
    for (COSObjectKey key : keys) {
      COSObject object = document.getObjectFromPool(key);
      COSBase base = object == null ? null : object.getObject();
      if (base instanceof COSStream stream && !isImage(stream)) {
        Optional<String> refusal = decode(key, stream, sink);
        if (refusal.isPresent()) {
          return refusal;
        }
      }
    }
    return Optional.empty();
  }

  private Optional<String> decode(COSObjectKey key, COSStream stream, Sink sink)
      throws IOException {
    List<COSName> filters = filters(stream.getFilters());
    if (filters.isEmpty() || filters.stream().anyMatch(IMAGE_CODECS::contains)) {
      return Optional.empty();
    }
    String name = "object " + key.getNumber() + " " + key.getGeneration();
    byte[] encoded;
    try (InputStream raw = stream.createRawInputStream()) {
      encoded = raw.readAllBytes();
    }
    for (int i = 0; i < filters.size(); i++) {
      Filter filter = FilterFactory.INSTANCE.getFilter(filters.get(i));
      boolean last = i == filters.size() - 1;
      // the ratio is taken against the input the filter has consumed so far, so a bomb is stopped
      // early in it
      CountingInput in = new CountingInput(encoded);
      sink.start(name, in);
      // a stage before the last is kept (the next filter reads it), so it is capped at the size
      // limit as well
      OutputStream out = last ? sink : new CappedBuffer(maxDecodedBytes);
      try {
        filter.decode(in, out, stream, i);
      } catch (IOException | RuntimeException e) {
        if (sink.refusal != null || out instanceof CappedBuffer b && b.full) {
          break;
        }
        return Optional
            .empty(); // a damaged stream: PDFBox skips it when reading, and so does the scan
      }
      if (sink.refusal != null) {
        break;
      }
      if (out instanceof CappedBuffer buffer) {
        if (buffer.full) {
          sink.refusal = "decodes to more than " + maxDecodedBytes + " bytes";
          break;
        }
        encoded = buffer.toByteArray();
      }
    }
    return Optional.ofNullable(sink.refusal);
  }

  private static boolean isImage(COSStream stream) {
    return COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE));
  }

  private static List<COSName> filters(COSBase filters) {
    List<COSName> names = new ArrayList<>();
    if (filters instanceof COSName name) {
      names.add(name);
    } else if (filters instanceof COSArray array) {
      for (int i = 0; i < array.size(); i++) {
        if (array.getObject(i) instanceof COSName name) {
          names.add(name);
        }
      }
    }
    return names;
  }

  /** Counts and discards what the last filter writes; past a limit it records why and stops the filter. */
  private final class Sink extends OutputStream {
    long total;
    long inStream;
    CountingInput input;
    String stream;
    String refusal;

    void start(String name, CountingInput in) {
      stream = name;
      input = in;
      inStream = 0;
    }

    @Override
    public void write(int b) throws IOException {
      count(1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      count(len);
    }

    private void count(int n) throws IOException {
      if (refusal != null) {
        throw new IOException(refusal);
      }
      total += n;
      inStream += n;
      if (total > maxDecodedBytes) {
        refusal = "decodes to more than " + maxDecodedBytes + " bytes";
      } else if (inStream > GRACE_BYTES && inStream / Math.max(1, input.consumed()) > maxRatio) {
        refusal = "a compression bomb: its " + stream + " decodes to more than " + maxRatio
            + " times its compressed size";
      }
      if (refusal != null) {
        throw new IOException(refusal);
      }
    }
  }

  /** The encoded bytes of one stage, counting how many the filter has taken. */
  private static final class CountingInput extends ByteArrayInputStream {
    CountingInput(byte[] encoded) {
      super(encoded);
    }

    long consumed() {
      return pos;
    }
  }

  /** An in-between stage of a filter chain, refused past the limit instead of growing. */
  private static final class CappedBuffer extends ByteArrayOutputStream {
    private final long cap;
    boolean full;

    CappedBuffer(long cap) {
      this.cap = cap;
    }

    @Override
    public synchronized void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      if (full || count + (long) len > cap) {
        full = true;
        throw new IllegalStateException("stage past " + cap + " bytes");
      }
      super.write(b, off, len);
    }
  }
}
