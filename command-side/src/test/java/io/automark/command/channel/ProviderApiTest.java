package io.automark.command.channel;

import io.automark.command.CommandSideApplication;
import io.automark.command.support.EmbeddedStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The provider endpoint over real HTTP: set, read back without header values, and refuse what cannot work. */
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(CommandSideApplication.PROFILE)
class ProviderApiTest {

    private static final String BASE = "/api/v1/workspaces/acme/providers/";
    private static final String SECRET = "Bearer never-shown-4711";

    @Autowired
    private TestRestTemplate http;

    @Autowired
    private MongoTemplate mongo;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> EmbeddedStore.uri("provider-api"));
        registry.add("automark.execution.workers", () -> 0);
    }

    private static Map<String, Object> validProvider() {
        return new HashMap<>(Map.of(
                "url", "https://sms.example.test/v1/messages",
                "headers", Map.of("Authorization", SECRET, "X-Account", "acme"),
                "bodyTemplate", "{\"to\": \"{{address}}\", \"text\": \"{{config.template}}\", "
                        + "\"ref\": \"{{idempotencyKey}}\"}",
                "timeoutMs", 3000));
    }

    private ResponseEntity<String> put(String type, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Actor", "marketer-1");
        return http.exchange(BASE + type, HttpMethod.PUT, new HttpEntity<>(body, headers), String.class);
    }

    private ResponseEntity<Map> putForMap(String type, Object body) {
        return http.exchange(BASE + type, HttpMethod.PUT, new HttpEntity<>(body), Map.class);
    }

    private static void assertInvalid(ResponseEntity<Map> response, String field) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).containsEntry("code", "VALIDATION_FAILED");
        List<Map<String, String>> errors = (List<Map<String, String>>) response.getBody().get("errors");
        assertThat(errors).extracting(error -> error.get("field")).contains(field);
    }

    @Test
    void setsAProviderAndAnswersItWithHeaderNamesOnly() {
        ResponseEntity<String> saved = put("TEXT_SMS", validProvider());
        ResponseEntity<Map> read = http.getForEntity(BASE + "TEXT_SMS", Map.class);
        ResponseEntity<String> raw = http.getForEntity(BASE + "text-sms", String.class);

        assertThat(saved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(saved.getBody()).doesNotContain("never-shown");
        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(read.getBody())
                .containsEntry("type", "TEXT_SMS")
                .containsEntry("url", "https://sms.example.test/v1/messages")
                .containsEntry("headerNames", List.of("Authorization", "X-Account"))
                .containsEntry("timeoutMs", 3000)
                .containsEntry("source", "WORKSPACE")
                .doesNotContainKey("headers");
        assertThat(raw.getBody()).doesNotContain("never-shown");
        Document stored = mongo.getCollection("channel_providers").find(new Document("_id", "acme:TEXT_SMS")).first();
        assertThat(stored).isNotNull();
        assertThat(stored.getString("updatedBy")).isEqualTo("marketer-1");
    }

    @Test
    void replacesTheProviderOfAType() {
        put("APP_PUSH", validProvider());
        Map<String, Object> changed = validProvider();
        changed.put("url", "http://push.example.test/send");
        changed.put("headers", Map.of("X-Api-Key", "k"));
        changed.remove("timeoutMs");

        put("APP_PUSH", changed);
        ResponseEntity<Map> read = http.getForEntity(BASE + "APP_PUSH", Map.class);

        assertThat(read.getBody())
                .containsEntry("url", "http://push.example.test/send")
                .containsEntry("headerNames", List.of("X-Api-Key"))
                .containsEntry("timeoutMs", 5000);
    }

    @Test
    void removesAProviderSoThatTheTypeHasNoneAgain() {
        put("WECHAT_MESSAGE", validProvider());

        ResponseEntity<Void> removed = http.exchange(BASE + "WECHAT_MESSAGE", HttpMethod.DELETE, null, Void.class);
        ResponseEntity<Map> again = http.exchange(BASE + "WECHAT_MESSAGE", HttpMethod.DELETE, null, Map.class);

        assertThat(removed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity(BASE + "WECHAT_MESSAGE", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void answers404ForATypeWithoutProvider() {
        ResponseEntity<Map> read = http.getForEntity(BASE + "COUPON", Map.class);

        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(read.getBody()).containsEntry("code", "NOT_FOUND");
    }

    @Test
    void refusesATypeWithoutHttpProvider() {
        assertInvalid(putForMap("TELEPATHY", validProvider()), "type");
        assertInvalid(putForMap("WEBHOOK", validProvider()), "type");
        assertInvalid(http.getForEntity(BASE + "EMAIL", Map.class), "type");
    }

    @Test
    void refusesAUrlThatIsNotAbsoluteHttp() {
        for (String url : List.of("/relative", "ftp://files.example.test/x", "not a url")) {
            Map<String, Object> body = validProvider();
            body.put("url", url);

            assertInvalid(putForMap("TEXT_SMS", body), "url");
        }
    }

    @Test
    void refusesABodyTemplateThatIsNoJsonOnceFilled() {
        for (String template : List.of("{\"amount\": {{amount}}}", "to={{phone}}", "{\"a\": 1", "")) {
            Map<String, Object> body = validProvider();
            body.put("bodyTemplate", template);

            assertInvalid(putForMap("TEXT_SMS", body), "bodyTemplate");
        }
    }

    @Test
    void refusesATimeoutOutsideOneMillisecondToAMinute() {
        for (int timeout : List.of(0, -5, 60_001)) {
            Map<String, Object> body = validProvider();
            body.put("timeoutMs", timeout);

            assertInvalid(putForMap("TEXT_SMS", body), "timeoutMs");
        }
    }

    @Test
    void refusesHeadersTheChannelSetsOrNoClientMaySend() {
        Map<String, Object> body = validProvider();
        body.put("headers", Map.of("Idempotency-Key", "x", "Host", "evil.example.test", "Bad Name", "v"));

        ResponseEntity<Map> response = putForMap("TEXT_SMS", body);

        assertInvalid(response, "headers.Idempotency-Key");
        assertInvalid(response, "headers.Host");
        assertInvalid(response, "headers.Bad Name");
    }

    @Test
    void refusesHeadersTheHttpClientSetsOrThatBreakTheRequestNamingEach() {
        Map<String, Object> body = validProvider();
        body.put("headers", Map.of("Transfer-Encoding", "chunked", "content-length", "12", "Connection", "close",
                "Keep-Alive", "timeout=5", "TE", "trailers", "Upgrade", "h2c", "Expect", "100-continue",
                "X-Api:Key", "k", "X-Tenant", "acme\r\nX-Injected: 1", "X-Account", "acme"));

        ResponseEntity<Map> response = putForMap("DIGITAL_SMS", body);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).containsEntry("code", "VALIDATION_FAILED");
        assertThat((List<Map<String, String>>) response.getBody().get("errors"))
                .extracting(error -> error.get("field"))
                .containsExactlyInAnyOrder("headers.Transfer-Encoding", "headers.content-length",
                        "headers.Connection", "headers.Keep-Alive", "headers.TE", "headers.Upgrade", "headers.Expect",
                        "headers.X-Api:Key", "headers.X-Tenant");
        assertThat(http.getForEntity(BASE + "DIGITAL_SMS", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void refusesAHeaderGivenTwiceInOtherCaseAnOverlongValueAndABlankOne() {
        Map<String, Object> body = validProvider();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Account", "acme");
        headers.put("x-account", "other");
        headers.put("X-Long", "a".repeat(ProviderSettings.MAX_HEADER_VALUE + 1));
        headers.put("X-Blank", "   ");
        body.put("headers", headers);

        ResponseEntity<Map> response = putForMap("TEXT_SMS", body);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, String>>) response.getBody().get("errors"))
                .extracting(error -> error.get("field"))
                .containsExactlyInAnyOrder("headers.x-account", "headers.X-Long", "headers.X-Blank");
    }

    @Test
    void refusesUnknownFields() {
        Map<String, Object> body = validProvider();
        body.put("secret", "x");

        assertThat(putForMap("TEXT_SMS", body).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }
}
