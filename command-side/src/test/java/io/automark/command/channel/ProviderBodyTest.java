package io.automark.command.channel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which body templates are accepted: those that stay JSON whatever their placeholders are filled with. */
class ProviderBodyTest {

    @Test
    void acceptsPlaceholdersInsideStringsAndKeys() {
        String template = "{\"to\": \"{{phone}}\", \"{{config.field}}\": [\"{{userId}}\", 1, true], \"n\": null}";

        assertThat(ProviderBody.problemOf(template)).isNull();
    }

    @Test
    void refusesAPlaceholderOutsideAString() {
        assertThat(ProviderBody.problemOf("{\"amount\": {{amount}}}")).contains("inside a JSON string");
    }

    @Test
    void refusesTextThatIsNoJson() {
        assertThat(ProviderBody.problemOf("to={{phone}}")).isNotNull();
        assertThat(ProviderBody.problemOf("{\"a\": 1} trailing")).isNotNull();
        assertThat(ProviderBody.problemOf("   ")).isNotNull();
        assertThat(ProviderBody.problemOf("{\"a\": ")).isNotNull();
    }
}
