package io.automark.ops.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WrkTest {

    private static final String OUTPUT = """
            Running 5s test @ http://127.0.0.1:38455/hooks/automark
              2 threads and 64 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency     2.71ms    2.86ms  36.03ms   91.78%
                Req/Sec    13.47k     4.62k   27.86k    73.00%
              134703 requests in 5.04s, 9.63MB read
              Non-2xx or 3xx responses: 12
            Requests/sec:  26750.78
            Transfer/sec:      1.91MB
            """;

    @Test
    void readsTheRateTheRequestsAndTheFailedAnswers() {
        Wrk.Result result = Wrk.parse(OUTPUT).orElseThrow();

        assertThat(result.perSecond()).isEqualTo(26750.78);
        assertThat(result.requests()).isEqualTo(134_703);
        assertThat(result.notOk()).isEqualTo(12);
        assertThat(result.errors()).isEmpty();
    }

    @Test
    void readsSocketErrors() {
        String output = OUTPUT + "  Socket errors: connect 0, read 3, write 0, timeout 7\n";

        Wrk.Result result = Wrk.parse(output).orElseThrow();

        assertThat(result.errors()).contains("connect 0, read 3, write 0, timeout 7");
    }

    @Test
    void findsNoFiguresInAFailedRun() {
        assertThat(Wrk.parse("unable to connect to 127.0.0.1:1 Connection refused\n")).isEmpty();
    }

    @Test
    void sendsABodyAboutAsLargeAsTheChannels() {
        assertThat(Wrk.BODY.length()).isBetween(200, 300);
        assertThat(Wrk.BODY).startsWith("{").endsWith("}").doesNotContain("'");
    }
}
