package io.automark.ops.bench;

import io.automark.ops.bench.Figures.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class FiguresTest {

    @Test
    void countsPerSecondOverTheElapsedTime() {
        double rate = Figures.perSecond(1_000_000, Duration.ofSeconds(40));

        assertThat(rate).isCloseTo(25_000, within(1e-6));
    }

    @Test
    void refusesARateOverNoTime() {
        assertThatThrownBy(() -> Figures.perSecond(10, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void comparesOurRateWithTheReference() {
        double fraction = Figures.fraction(17_500, 35_000);

        assertThat(fraction).isEqualTo(0.5);
        assertThat(Figures.atLeast(fraction, 0.5)).isEqualTo(Verdict.PASS);
        assertThat(Figures.atLeast(0.49, 0.5)).isEqualTo(Verdict.MISS);
    }

    @Test
    void refusesAFractionOfNothing() {
        assertThatThrownBy(() -> Figures.fraction(1, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void passesAHeapOnlyBelowTheLimit() {
        long limit = 512L * 1024 * 1024;

        assertThat(Figures.below(limit - 1, limit)).isEqualTo(Verdict.PASS);
        assertThat(Figures.below(limit, limit)).isEqualTo(Verdict.MISS);
    }

    @Test
    void readsJvmMemorySizes() {
        assertThat(Figures.memorySize("512m")).isEqualTo(512L * 1024 * 1024);
        assertThat(Figures.memorySize("2G")).isEqualTo(2L * 1024 * 1024 * 1024);
        assertThat(Figures.memorySize("64k")).isEqualTo(64L * 1024);
        assertThat(Figures.memorySize("1048576")).isEqualTo(1_048_576L);
    }

    @Test
    void refusesWhatIsNoMemorySize() {
        assertThatThrownBy(() -> Figures.memorySize("lots"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void showsBytesInMebibytes() {
        assertThat(Figures.mebibytes(256L * 1024 * 1024)).isEqualTo(256.0);
    }
}
