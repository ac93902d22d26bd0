package dev.assay.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profile file: a round trip keeps every statistic; bad files are input errors naming the file. */
class ProfileFileTest {
    @TempDir
    Path dir;

    private static DatasetProfile sample() {
        double[] x = IntStream.range(0, 5000).mapToDouble(i -> (i * 7919) % 1000 / 10.0).toArray();
        x[3] = Double.NaN;
        String[] c = IntStream.range(0, 5000).mapToObj(i -> i % 11 == 0 ? null : "level" + i % 5).toArray(String[]::new);
        return Profiler.profile(Frame.of(NumericColumn.of("x", x), CategoricalColumn.of("c", c)), "train.csv");
    }

    @Test
    void roundTripKeepsEveryStatistic() {
        DatasetProfile p = sample();
        Path file = dir.resolve("train.profile");
        ProfileFile.write(p, file);
        assertThat(ProfileFile.isProfile(file)).isTrue();
        DatasetProfile back = ProfileFile.read(file);
        assertThat(back.rows()).isEqualTo(5000);
        assertThat(back.sources()).containsExactly("train.csv");
        NumericProfile x = (NumericProfile) p.column("x");
        NumericProfile y = (NumericProfile) back.column("x");
        assertThat(y.missing()).isEqualTo(1);
        assertThat(y.min()).isEqualTo(x.min());
        assertThat(y.max()).isEqualTo(x.max());
        assertThat(y.moments()).isEqualTo(x.moments());
        assertThat(y.distinct()).isEqualTo(x.distinct());
        for (double q = 0; q <= 1; q += 0.05) {
            assertThat(y.quantile(q)).isEqualTo(x.quantile(q));
        }
        assertThat(((CategoryProfile) back.column("c")).counts()).isEqualTo(((CategoryProfile) p.column("c")).counts());
        assertThat(back.column("c").missing()).isEqualTo(455);
        assertThat(back.column("c").type()).isEqualTo("categorical");
    }

    @Test
    void truncatedFileIsNamed() throws Exception {
        byte[] bytes = ProfileFile.toBytes(sample());
        Path file = dir.resolve("cut.profile");
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> ProfileFile.read(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("truncated (" + bytes.length / 2 + " of " + bytes.length);
    }

    @Test
    void corruptFileIsNamed() throws Exception {
        byte[] bytes = ProfileFile.toBytes(sample());
        bytes[bytes.length / 2] ^= 0x5a;
        Path file = dir.resolve("bad.profile");
        Files.write(file, bytes);
        assertThatThrownBy(() -> ProfileFile.read(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("The profile " + file + " is corrupt");
    }

    @Test
    void otherFormatVersionIsNamed() throws Exception {
        byte[] bytes = ProfileFile.toBytes(sample());
        bytes[ProfileFile.MAGIC.length + 1] = 2;
        Path file = dir.resolve("v2.profile");
        Files.write(file, bytes);
        assertThatThrownBy(() -> ProfileFile.read(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(file + " has format version 2; this Assay reads version 1");
    }

    @Test
    void dataFileOrMissingFileIsNotAProfile() throws Exception {
        Path csv = dir.resolve("train.csv");
        Files.writeString(csv, "x,y\n1,2\n");
        assertThat(ProfileFile.isProfile(csv)).isFalse();
        assertThatThrownBy(() -> ProfileFile.read(csv)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(csv + " is not an Assay profile");
        Path empty = dir.resolve("empty.profile");
        Files.write(empty, new byte[0]);
        assertThatThrownBy(() -> ProfileFile.read(empty)).hasMessageContaining("is not an Assay profile");
        assertThatThrownBy(() -> ProfileFile.read(dir.resolve("nope.profile"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void damagedSketchInsideAValidChecksumNamesTheColumn() {
        byte[] bytes = ProfileFile.toBytes(sample());
        // corrupt the KLL sketch's preamble of column x, then recompute the checksum so only the sketch is at fault
        int at = indexOf(bytes, "x".getBytes()) + 1 + 1 + 8 + 8 + 5 * 8 + 4;
        bytes[at] = 99;
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        java.nio.ByteBuffer.wrap(bytes, bytes.length - 4, 4).putInt((int) crc.getValue());
        assertThatThrownBy(() -> ProfileFile.fromBytes(bytes, "x.profile")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("The profile x.profile is corrupt at column 'x'");
    }

    private static int indexOf(byte[] bytes, byte[] what) {
        // the column name is written as writeUTF: a two-byte length then the bytes
        for (int i = 0; i + what.length + 2 <= bytes.length; i++) {
            if (bytes[i] == 0 && bytes[i + 1] == what.length && Arrays.equals(Arrays.copyOfRange(bytes, i + 2, i + 2 + what.length), what)) {
                return i + 2 + what.length - 1;
            }
        }
        throw new AssertionError("not found");
    }
}
