package dev.assay.core.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.TextColumn;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.progress.Progress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PiiScanTest {
    private final PiiScan scan = new PiiScan(PiiScan.DEFAULT_THRESHOLD);

    @Test
    void countsValuesHoldingEachEntityPerColumn() {
        Frame f = Frame.of("people.csv", List.of(
                TextColumn.of("contact", "mail me at ann.lee@example.com", "call +44 20 7123 4567", null, "no contact", "ann.lee@example.com"),
                TextColumn.of("card", "4012-8888-8888-1881", "4012-8888-8888-1882", "5555555555554444", "n/a", ""),
                TextColumn.of("iban", "DE89 3704 0044 0532 0130 00", "DE89 3704 0044 0532 0130 01", "x", "y", "z"),
                TextColumn.of("host", "10.0.0.1", "2001:db8::1", "999.1.1.1", "localhost", "1.2.3")));
        List<ColumnFindings> found = scan.scan(f, f.columnNames(), Progress.NONE);
        assertThat(found.get(0).counts()).isEqualTo(Map.of(PiiEntity.EMAIL_ADDRESS, 2, PiiEntity.PHONE_NUMBER, 1));
        assertThat(found.get(0).values()).isEqualTo(4);
        assertThat(found.get(0).examples().get(PiiEntity.EMAIL_ADDRESS)).containsExactly("mail me at a**.***@*******.**m", "a**.***@*******.**m");
        assertThat(found.get(1).counts()).isEqualTo(Map.of(PiiEntity.CREDIT_CARD, 2));
        assertThat(found.get(2).counts()).isEqualTo(Map.of(PiiEntity.IBAN_CODE, 1));
        assertThat(found.get(3).counts()).isEqualTo(Map.of(PiiEntity.IP_ADDRESS, 2));
    }

    @Test
    void columnNameContextRaisesWeakMatchesAndGatesDatesOfBirth() {
        Frame f = Frame.of(TextColumn.of("ssn", "078051121", "219099999"), TextColumn.of("code", "078051121", "219099999"),
                TextColumn.of("date_of_birth", "1984-03-02", "5/20/1990"), TextColumn.of("orderDate", "2021-05-21", "2021-05-22"),
                TextColumn.of("customerDob", "02.03.1984", "x"));
        List<ColumnFindings> found = scan.scan(f, f.columnNames(), Progress.NONE);
        // a bare nine-digit number scores 0.05, raised to 0.4 by the column name "ssn"
        assertThat(found.get(0).count(PiiEntity.US_SSN)).isEqualTo(2);
        assertThat(found.get(1).count(PiiEntity.US_SSN)).isZero();
        assertThat(found.get(2).counts()).isEqualTo(Map.of(PiiEntity.DATE_TIME, 2));
        assertThat(found.get(3).any()).isFalse();
        // libphonenumber also reads 02.03.1984 as a German number, as Presidio's phone recognizer does
        assertThat(found.get(4).count(PiiEntity.DATE_TIME)).isEqualTo(1);
    }

    @Test
    void contextEnhancementFollowsPresidioDefaults() {
        assertThat(ColumnContext.enhance(0.05)).isEqualTo(0.4);
        assertThat(ColumnContext.enhance(0.5)).isEqualTo(0.85);
        assertThat(ColumnContext.enhance(0.8)).isEqualTo(1.0);
        assertThat(ColumnContext.of("customerEmailAddress").mentions(List.of("email"))).isTrue();
        assertThat(ColumnContext.of("remaining").mentions(List.of("ip"))).isFalse();
    }

    @Test
    void categoryColumnsCountEveryRowOfALevelAndNumbersAreScannedAsText() {
        Frame f = Frame.of(CategoricalColumn.of("email", "a@b.org", "a@b.org", null, "c@d.org", "none"),
                NumericColumn.of("phone", 4155550132d, 4155550133d, Double.NaN, 12d, 3d));
        List<ColumnFindings> found = scan.scan(f, f.columnNames(), Progress.NONE);
        assertThat(found.get(0).counts()).isEqualTo(Map.of(PiiEntity.EMAIL_ADDRESS, 3));
        assertThat(found.get(0).values()).isEqualTo(4);
        assertThat(found.get(1).counts()).isEqualTo(Map.of(PiiEntity.PHONE_NUMBER, 2));
    }

    @Test
    void badInputIsNamed() {
        Frame empty = Frame.of("empty.csv", List.of(TextColumn.of("a")));
        assertThatThrownBy(() -> scan.scan(empty, List.of("a"), Progress.NONE)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("empty.csv has no rows");
        Frame f = Frame.of("x.csv", List.of(TextColumn.of("a", "1")));
        assertThatThrownBy(() -> scan.scan(f, List.of("emial"), Progress.NONE)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("emial");
        assertThatThrownBy(() -> new PiiScan(0)).hasMessageContaining("(0, 1]");
    }
}
