package dev.assay.core.profile;

import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.stats.Moments;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import org.apache.datasketches.common.ArrayOfStringsSerDe;
import org.apache.datasketches.frequencies.ItemsSketch;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;

/**
 * Reads and writes profile files, format version {@value #VERSION} ({@code docs/profile-format.md}): a
 * magic {@code ASSAYPRF}, the version, the body length, the body (rows, sources, then per column its
 * name, type, counts, exact statistics and the sketches in DataSketches' own serialisation), and a CRC-32
 * of everything before it. Big-endian, strings as {@link DataOutputStream#writeUTF}.
 *
 * <p>A file that is not a profile, from another format version, truncated or corrupt is an
 * {@link InvalidInputException} naming the file (and the column where one is at fault).
 */
public final class ProfileFile {
    /** The format version written and read. */
    public static final int VERSION = 1;
    static final byte[] MAGIC = "ASSAYPRF".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER = MAGIC.length + 2 + 8;
    private static final byte NUMERIC = 1;
    private static final byte CATEGORICAL = 2;
    private static final ArrayOfStringsSerDe STRINGS = new ArrayOfStringsSerDe();

    private ProfileFile() {
    }

    /** Writes {@code profile} to {@code file}. */
    public static void write(DatasetProfile profile, Path file) {
        try {
            Files.write(file, toBytes(profile));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the profile " + file + ": " + e.getMessage(), e);
        }
    }

    /** Whether {@code file} starts like a profile file (the magic bytes). */
    public static boolean isProfile(Path file) {
        try (var in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads the profile in {@code file}. */
    public static DatasetProfile read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("The profile " + file + " does not exist; build one with 'assay profile DATA --out "
                    + file + "'.");
        } catch (IOException e) {
            throw new InvalidInputException("Cannot read the profile " + file + ": " + e.getMessage(), e);
        }
        return fromBytes(bytes, file.toString());
    }

    /** {@code profile} in the file format, as {@link #write} stores it. */
    public static byte[] toBytes(DatasetProfile profile) {
        try {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(body);
            out.writeLong(profile.rows());
            out.writeInt(profile.sources().size());
            for (String s : profile.sources()) {
                out.writeUTF(s);
            }
            out.writeInt(profile.columns().size());
            for (ColumnProfile c : profile.columns()) {
                writeColumn(out, c);
            }
            out.flush();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            DataOutputStream file = new DataOutputStream(all);
            file.write(MAGIC);
            file.writeShort(VERSION);
            file.writeLong(body.size());
            body.writeTo(file);
            CRC32 crc = new CRC32();
            crc.update(all.toByteArray());
            file.writeInt((int) crc.getValue());
            file.flush();
            return all.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeColumn(DataOutputStream out, ColumnProfile c) throws IOException {
        out.writeUTF(c.name());
        out.writeByte(c instanceof NumericProfile ? NUMERIC : CATEGORICAL);
        out.writeLong(c.rows());
        out.writeLong(c.missing());
        if (c instanceof NumericProfile) {
            NumericProfile n = (NumericProfile) c;
            Moments m = n.moments();
            out.writeDouble(n.min());
            out.writeDouble(n.max());
            out.writeDouble(m.weight());
            out.writeDouble(m.mean());
            out.writeDouble(m.m2());
            writeBytes(out, n.sketch().toByteArray());
            writeBytes(out, n.hll().toCompactByteArray());
        } else {
            CategoryProfile p = (CategoryProfile) c;
            writeBytes(out, p.items().toByteArray(STRINGS));
            writeBytes(out, p.hll().toCompactByteArray());
        }
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** The profile in {@code bytes}; {@code file} names them in messages. */
    public static DatasetProfile fromBytes(byte[] bytes, String file) {
        if (bytes.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
            throw new InvalidInputException(file + " is not an Assay profile (it does not start with " + new String(MAGIC,
                    StandardCharsets.US_ASCII) + "); build one with 'assay profile DATA --out FILE'.");
        }
        if (bytes.length < HEADER) {
            throw truncated(file, bytes.length, HEADER + 4);
        }
        int version = ((bytes[MAGIC.length] & 0xff) << 8) | (bytes[MAGIC.length + 1] & 0xff);
        if (version != VERSION) {
            throw new InvalidInputException("The profile " + file + " has format version " + version + "; this Assay reads version "
                    + VERSION + ". Rebuild it from the data with 'assay profile DATA --out FILE'.");
        }
        long bodyLength = java.nio.ByteBuffer.wrap(bytes, MAGIC.length + 2, 8).getLong();
        long expected = HEADER + bodyLength + 4;
        if (bodyLength < 0 || bytes.length < expected) {
            throw truncated(file, bytes.length, expected);
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, (int) (HEADER + bodyLength));
        int stored = java.nio.ByteBuffer.wrap(bytes, (int) (HEADER + bodyLength), 4).getInt();
        if (stored != (int) crc.getValue() || bytes.length != expected) {
            throw new InvalidInputException("The profile " + file + " is corrupt (its checksum does not match its contents); "
                    + "rebuild it with 'assay profile DATA --out FILE'.");
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, HEADER, (int) bodyLength));
        String column = null;
        try {
            long rows = in.readLong();
            int sourceCount = in.readInt();
            List<String> sources = new ArrayList<>();
            for (int i = 0; i < sourceCount; i++) {
                sources.add(in.readUTF());
            }
            int columnCount = in.readInt();
            List<ColumnProfile> columns = new ArrayList<>();
            for (int i = 0; i < columnCount; i++) {
                column = in.readUTF();
                columns.add(readColumn(in, column, file));
            }
            return new DatasetProfile(columns, sources, rows);
        } catch (EOFException e) {
            throw new InvalidInputException("The profile " + file + " ends early" + at(column) + "; rebuild it with 'assay profile'.");
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException) {
                throw (InvalidInputException) e;
            }
            throw new InvalidInputException("The profile " + file + " is corrupt" + at(column) + " (" + e.getMessage()
                    + "); rebuild it with 'assay profile'.", e);
        }
    }

    private static ColumnProfile readColumn(DataInputStream in, String name, String file) throws IOException {
        byte type = in.readByte();
        long rows = in.readLong();
        long missing = in.readLong();
        if (type == NUMERIC) {
            double min = in.readDouble();
            double max = in.readDouble();
            Moments m = new Moments(in.readDouble(), in.readDouble(), in.readDouble());
            KllDoublesSketch kll = KllDoublesSketch.heapify(Memory.wrap(readBytes(in)));
            HllSketch hll = HllSketch.heapify(readBytes(in));
            return new NumericProfile(name, rows, missing, min, max, m, kll, hll);
        }
        if (type == CATEGORICAL) {
            ItemsSketch<String> items = ItemsSketch.getInstance(Memory.wrap(readBytes(in)), STRINGS);
            HllSketch hll = HllSketch.heapify(readBytes(in));
            return new CategoryProfile(name, rows, missing, items, hll);
        }
        throw new InvalidInputException("The profile " + file + " is corrupt" + at(name) + ": unknown column type " + type + ".");
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new EOFException();
        }
        return in.readNBytes(n);
    }

    private static String at(String column) {
        return column == null ? "" : " at column '" + Excerpt.of(column) + "'";
    }

    private static InvalidInputException truncated(String file, long size, long expected) {
        return new InvalidInputException("The profile " + file + " is truncated (" + size + " of " + expected
                + " bytes); it was cut short while copying or writing. Rebuild it with 'assay profile DATA --out FILE'.");
    }
}
