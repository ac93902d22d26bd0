package dev.assay.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.TextColumn;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.slicing.Binning;
import dev.assay.core.slicing.ColumnBins;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextSliceColumnsTest {
    private static final Frame MAIL = Frame.of(List.of(TextColumn.of("text",
            "Re: New Sequences Window", "FREE money!!! Click here", "  ", null, "Is spamassassin free? free-software, yes",
            "Get your FREE quote", "the meeting moved to noon today")));

    @Test
    void wordCountsAreSlicedInQuantileBins() {
        Frame f = TextSliceColumns.withLength(MAIL, "text");
        NumericColumn words = (NumericColumn) f.column("text_words");
        assertThat(words.get(0)).isEqualTo(4);
        assertThat(words.get(2)).isZero();
        assertThat(words.isMissing(3)).isTrue();
        assertThat(words.get(4)).isEqualTo(5);
        ColumnBins bins = ColumnBins.of(f, "text_words", new Binning(2, 50));
        assertThat(bins.binCount()).as("two quantile bins and the missing text").isEqualTo(3);
    }

    @Test
    void keywordsMatchWholeWordsIgnoringCase() {
        Frame f = TextSliceColumns.withKeywords(MAIL, "text", List.of("free", "Click here"));
        assertThat(f.column("text_has_free").format(1)).isEqualTo("yes");
        assertThat(f.column("text_has_free").format(4)).isEqualTo("yes"); // "free?" and "free-software"
        assertThat(f.column("text_has_free").format(0)).isEqualTo("no");
        assertThat(f.column("text_has_free").isMissing(3)).isTrue();
        assertThat(f.column("text_has_click_here").format(1)).isEqualTo("yes");
        assertThat(TextSliceColumns.withKeywords(Frame.of(List.of(TextColumn.of("t", "freedom"))), "t", List.of("free"))
                .column("t_has_free").format(0)).isEqualTo("no");
        assertThatThrownBy(() -> TextSliceColumns.withKeywords(MAIL, "text", List.of(" "))).isInstanceOf(InvalidInputException.class);
    }
}
