package dev.assay.core.monitor;

import dev.assay.core.error.InvalidInputException;
import dev.assay.core.profile.DatasetProfile;
import dev.assay.core.profile.ProfileFile;
import dev.assay.core.stats.ConfusionAccumulator;
import dev.assay.core.stats.ConfusionMatrix;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * The byte form of a {@link WindowAggregate}, for storage: magic {@code ASSAYWIN}, format version
 * {@value #VERSION}, model version, window start (epoch seconds), rows, the feature and score profiles
 * in the profile file format ({@link ProfileFile}, checksummed), the two {@link ScoreBins} as sparse
 * lists of non-empty bins, and the four realised confusion cells. Big-endian.
 */
public final class WindowAggregateCodec {
    /** The format version written and read. */
    public static final int VERSION = 1;
    private static final byte[] MAGIC = "ASSAYWIN".getBytes(StandardCharsets.US_ASCII);

    private WindowAggregateCodec() {
    }

    public static byte[] toBytes(WindowAggregate a) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(MAGIC);
            out.writeShort(VERSION);
            out.writeUTF(a.version());
            out.writeLong(a.start().getEpochSecond());
            out.writeLong(a.rows());
            writeProfile(out, a.features());
            writeProfile(out, a.scoreProfile());
            writeBins(out, a.predicted());
            writeBins(out, a.labelled());
            ConfusionMatrix m = a.realised();
            for (int t = 0; t < 2; t++) {
                for (int p = 0; p < 2; p++) {
                    out.writeDouble(m.count(t, p));
                }
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The aggregate in {@code bytes}; {@code what} names them in messages (e.g. the storage key). */
    public static WindowAggregate fromBytes(byte[] bytes, String what) {
        if (bytes.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
            throw new InvalidInputException(what + " is not a stored window aggregate (no " + new String(MAGIC, StandardCharsets.US_ASCII)
                    + " header); rebuild the window from its predictions.");
        }
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, MAGIC.length, bytes.length - MAGIC.length));
            int version = in.readUnsignedShort();
            if (version != VERSION) {
                throw new InvalidInputException(what + " has window format version " + version + "; this Assay reads version "
                        + VERSION + ". Rebuild the window from its predictions.");
            }
            String model = in.readUTF();
            Instant start = Instant.ofEpochSecond(in.readLong());
            long rows = in.readLong();
            DatasetProfile features = readProfile(in, what);
            DatasetProfile score = readProfile(in, what);
            ScoreBins predicted = readBins(in);
            ScoreBins labelled = readBins(in);
            ConfusionAccumulator realised = new ConfusionAccumulator(2);
            for (int t = 0; t < 2; t++) {
                for (int p = 0; p < 2; p++) {
                    realised.add(t, p, in.readDouble());
                }
            }
            if (in.available() != 0) {
                throw new InvalidInputException(what + " has " + in.available() + " bytes after the window aggregate; it is corrupt.");
            }
            return new WindowAggregate(model, start, rows, features, score, predicted, labelled, realised);
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException) {
                throw (InvalidInputException) e;
            }
            throw new InvalidInputException(what + " is a truncated or corrupt window aggregate (" + e.getMessage()
                    + "); rebuild the window from its predictions.", e);
        }
    }

    /** A deep copy of a profile, through its byte form. */
    static DatasetProfile copy(DatasetProfile p) {
        return ProfileFile.fromBytes(ProfileFile.toBytes(p), "a window profile");
    }

    private static void writeProfile(DataOutputStream out, DatasetProfile p) throws IOException {
        byte[] b = p == null ? new byte[0] : ProfileFile.toBytes(p);
        out.writeInt(b.length);
        out.write(b);
    }

    private static DatasetProfile readProfile(DataInputStream in, String what) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new InvalidInputException(what + " is a truncated window aggregate; rebuild the window from its predictions.");
        }
        return n == 0 ? null : ProfileFile.fromBytes(in.readNBytes(n), what);
    }

    private static void writeBins(DataOutputStream out, ScoreBins bins) throws IOException {
        int used = 0;
        for (int c = 0; c < 2; c++) {
            for (int b = 0; b < ScoreBins.BINS; b++) {
                used += bins.count(c, b) > 0 ? 1 : 0;
            }
        }
        out.writeInt(used);
        for (int c = 0; c < 2; c++) {
            for (int b = 0; b < ScoreBins.BINS; b++) {
                if (bins.count(c, b) > 0) {
                    out.writeShort(c * ScoreBins.BINS + b);
                    out.writeLong(bins.count(c, b));
                    out.writeDouble(bins.sum(c, b));
                }
            }
        }
    }

    private static ScoreBins readBins(DataInputStream in) throws IOException {
        ScoreBins bins = new ScoreBins();
        int used = in.readInt();
        for (int i = 0; i < used; i++) {
            int at = in.readUnsignedShort();
            if (at >= 2 * ScoreBins.BINS) {
                throw new IOException("bin " + at + " out of range");
            }
            bins.set(at / ScoreBins.BINS, at % ScoreBins.BINS, in.readLong(), in.readDouble());
        }
        return bins;
    }
}
