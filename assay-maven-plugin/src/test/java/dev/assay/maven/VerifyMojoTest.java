package dev.assay.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VerifyMojoTest {

    @Test
    void reportFoldersAreNamedAfterTheSuiteAndNeverShared() {
        Set<String> taken = new HashSet<>();
        assertThat(VerifyMojo.uniqueFolder("German credit release gate", taken)).isEqualTo("german-credit-release-gate");
        assertThat(VerifyMojo.uniqueFolder("German credit: release gate!", taken)).isEqualTo("german-credit-release-gate-2");
        assertThat(VerifyMojo.uniqueFolder("Prüfung", taken)).isEqualTo("pr-fung");
        assertThat(VerifyMojo.uniqueFolder("***", taken)).isEqualTo("suite");
        assertThat(VerifyMojo.uniqueFolder("", taken)).isEqualTo("suite-2");
    }
}
