package io.automark.ops.demo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvLineTest {

    @Test
    void splitsOnCommasOutsideQuotes() {
        assertThat(CsvLine.split("1,\"6) $750 - $1,000\",x")).containsExactly("1", "6) $750 - $1,000", "x");
    }

    @Test
    void keepsEmptyFieldsAndDoubledQuotes() {
        assertThat(CsvLine.split(",\"say \"\"hi\"\"\",")).containsExactly("", "say \"hi\"", "");
    }
}
