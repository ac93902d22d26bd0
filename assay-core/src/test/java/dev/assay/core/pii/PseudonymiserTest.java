package dev.assay.core.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.TextColumn;
import dev.assay.core.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PseudonymiserTest {
    private static final byte[] RFC4231_KEY = new byte[20];

    static {
        Arrays.fill(RFC4231_KEY, (byte) 0x0b);
    }

    @Test
    void matchesRfc4231TestCase1() {
        // RFC 4231 4.2: HMAC-SHA-256(0x0b x 20, "Hi There") = b0344c61d8db38535ca8afceaf0bf12b 881dc200...
        assertThat(new Pseudonymiser(RFC4231_KEY, false).pseudonym("Hi There")).isEqualTo("b0344c61d8db38535ca8afceaf0bf12b");
    }

    @Test
    void sameKeySameValueSamePseudonymAnotherKeyAnother() {
        Pseudonymiser a = new Pseudonymiser("a key of thirty-two bytes, at le".getBytes(StandardCharsets.UTF_8), false);
        Pseudonymiser b = new Pseudonymiser("another key of thirty-two bytes!".getBytes(StandardCharsets.UTF_8), false);
        assertThat(a.pseudonym("ann@example.com")).isEqualTo(a.pseudonym("ann@example.com")).hasSize(32)
                .isNotEqualTo(b.pseudonym("ann@example.com")).isNotEqualTo(a.pseudonym("ann@example.org"));
        assertThat(a.pseudonym(null)).isNull();
    }

    @Test
    void emailShapeKeepsOnePseudonymousDomainPerDomain() {
        Pseudonymiser p = new Pseudonymiser(RFC4231_KEY, true);
        String ann = p.pseudonym("ann@example.com");
        String bob = p.pseudonym("bob@Example.com");
        assertThat(ann).matches("[0-9a-f]{16}@[0-9a-f]{10}\\.invalid");
        assertThat(ann.substring(17)).isEqualTo(bob.substring(17));
        assertThat(ann.substring(0, 16)).isNotEqualTo(bob.substring(0, 16));
        assertThat(p.pseudonym("not an e-mail")).matches("[0-9a-f]{32}");
        // the shaped pseudonym is still recognised as an e-mail address, the plain one is not
        assertThat(new EmailRecognizer().analyze(ann)).hasSize(1);
    }

    @Test
    void replacesOnlyTheNamedColumns() {
        Frame f = Frame.of(TextColumn.of("email", "a@b.org", null), NumericColumn.of("x", 1, 2));
        Frame out = new Pseudonymiser(RFC4231_KEY, false).pseudonymise(f, List.of("email"));
        assertThat(out.column("email").format(0)).hasSize(32);
        assertThat(out.column("email").isMissing(1)).isTrue();
        assertThat(out.column("x")).isEqualTo(f.column("x"));
    }

    @Test
    void shortKeysAndUnknownColumnsAreRejectedWithoutShowingTheKey() {
        assertThatThrownBy(() -> new Pseudonymiser("secret".getBytes(StandardCharsets.UTF_8), false)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("6 bytes").hasMessageNotContaining("secret");
        Frame f = Frame.of(TextColumn.of("email", "a@b.org"));
        assertThatThrownBy(() -> new Pseudonymiser(RFC4231_KEY, false).pseudonymise(f, List.of("mail")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("mail");
    }
}
