package io.automark.ops.bench;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyntheticAudienceTest {

    @Test
    void writesAHeaderThenOneLinePerUser() throws IOException {
        SyntheticAudience audience = new SyntheticAudience(3);

        String csv = new String(audience.openCsv().readAllBytes(), StandardCharsets.US_ASCII);

        assertThat(csv).isEqualTo("user_id,tags,score\nu-1,synthetic,1\nu-2,synthetic,2\nu-3,synthetic,3\n");
    }

    @Test
    void readsTheSameInSmallPiecesAsWhole() throws IOException {
        SyntheticAudience audience = new SyntheticAudience(250);
        byte[] whole = audience.openCsv().readAllBytes();

        byte[] pieces = readInPiecesOf(7, audience.openCsv());

        assertThat(pieces).isEqualTo(whole);
        assertThat(new String(whole, StandardCharsets.US_ASCII).lines()).hasSize(251);
    }

    @Test
    void countsTheUsersTheJudgmentSendsOnYes() {
        for (long users : new long[] {1, 49, 50, 51, 99, 100, 101, 150, 1_234, 20_000}) {
            SyntheticAudience audience = new SyntheticAudience(users);

            long bruteForce = LongStream.rangeClosed(1, users)
                    .filter(i -> SyntheticAudience.score(i) >= SyntheticAudience.YES_FROM)
                    .count();

            assertThat(audience.judgedYes()).as("yes among %d users", users).isEqualTo(bruteForce);
        }
    }

    @Test
    void refusesAnEmptyAudience() {
        assertThatThrownBy(() -> new SyntheticAudience(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] readInPiecesOf(int size, InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[size];
        for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }
}
