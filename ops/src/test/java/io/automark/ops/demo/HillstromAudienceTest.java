package io.automark.ops.demo;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HillstromAudienceTest {

    @Test
    void putsTheRowNumberInFrontAndAMadeUpAddressBehind() throws IOException {
        List<String> lines = read(new HillstromAudience(3));

        assertThat(lines).containsExactly(
                "user_id,recency,history_segment,history,mens,womens,zip_code,newbie,channel,segment,visit,"
                        + "conversion,spend,email",
                "1,10,2) $100 - $200,142.44,1,0,Surburban,0,Phone,Womens E-Mail,0,0,0,customer-1@hillstrom.example",
                "2,6,3) $200 - $350,329.08,1,1,Rural,1,Web,No E-Mail,0,0,0,customer-2@hillstrom.example",
                "3,7,2) $100 - $200,180.65,0,1,Surburban,1,Web,Womens E-Mail,0,0,0,customer-3@hillstrom.example");
    }

    @Test
    void streamsEveryCustomerWithTheQuotedFieldsIntact() throws IOException {
        List<String> lines = read(new HillstromAudience(HillstromAudience.SIZE));

        assertThat(lines).hasSize(HillstromAudience.SIZE + 1);
        assertThat(lines.get(HillstromAudience.SIZE))
                .startsWith("64000,")
                .endsWith(",customer-64000@hillstrom.example");
        assertThat(lines).filteredOn(line -> line.contains("\"6) $750 - $1,000\"")).isNotEmpty();
        assertThat(lines.stream().skip(1).map(CsvLine::split)).allSatisfy(fields -> assertThat(fields).hasSize(14));
    }

    @Test
    void findsTheNewCustomers() {
        assertThat(new HillstromAudience(3).newbieIds()).containsExactly("2", "3");
        assertThat(new HillstromAudience(HillstromAudience.SIZE).newbieIds()).hasSize(32_144);
    }

    @Test
    void refusesMoreRowsThanTheFileHas() {
        assertThatThrownBy(() -> new HillstromAudience(HillstromAudience.SIZE + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> read(HillstromAudience audience) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(audience.openCsv(),
                StandardCharsets.US_ASCII))) {
            return reader.lines().toList();
        }
    }
}
