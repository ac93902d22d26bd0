package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.progress.Progress;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {

    @Test
    void drawsAfterHalfASecondAndClearsAtTheEnd() throws InterruptedException {
        StringWriter text = new StringWriter();
        TerminalProgress progress = new TerminalProgress(new PrintWriter(text, true));
        progress.begin("checks", 3);
        progress.advance("Accuracy");
        assertThat(text.toString()).isEmpty();
        Thread.sleep(1200);
        progress.advance("Recall by group");
        progress.end();
        String shown = text.toString();
        assertThat(shown).startsWith("\r[1/3] checks, ").contains(": Accuracy");
        assertThat(shown).endsWith("\r" + " ".repeat(78) + "\r");
    }

    @Test
    void quickWorkShowsNothing() {
        StringWriter text = new StringWriter();
        TerminalProgress progress = new TerminalProgress(new PrintWriter(text, true));
        progress.begin("confidence intervals", 0);
        progress.end();
        assertThat(text.toString()).isEmpty();
    }

    @Test
    void withoutATerminalThereIsNoDisplay() {
        // the tests run with standard input and output redirected, as in CI
        assertThat(TerminalProgress.forTerminal(new PrintWriter(new StringWriter()))).isSameAs(Progress.NONE);
    }
}
