package io.automark.command.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.automark.command.audience.AudienceMember;
import io.automark.command.channel.ProviderSettings.Source;
import io.automark.command.component.BatchContext;
import io.automark.command.component.ComponentRun;
import io.automark.command.execution.ExecutionStops;
import io.automark.command.support.EmbeddedStore;
import io.automark.events.campaign.ComponentType;
import io.automark.events.campaign.FlowComponent;
import io.automark.events.execution.UserResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.automark.command.channel.Batches.keyOf;
import static io.automark.command.channel.Batches.user;
import static io.automark.command.channel.Batches.users;
import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP JSON provider channel against a real HTTP server, its settings in the embedded store. */
class HttpProviderChannelTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SMS_BODY = """
            {"to": "{{address}}", "text": "{{config.template}}", "ref": "{{idempotencyKey}}",
             "user": "{{userId}}", "execution": "{{executionId}}", "component": "{{componentId}}",
             "tier": "{{tier}}", "missing": "{{nothing}}", "sender": "{{config.params.sender.name}}"}""";

    private static MongoClient client;
    private static MongoTemplate mongo;

    private final RecordingServer vendor = new RecordingServer();
    private ProviderSettingsStore store;
    private HttpProviderChannel channel;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(EmbeddedStore.uri("provider-channel"));
        mongo = new MongoTemplate(client, "provider-channel");
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @AfterEach
    void stop() {
        if (channel != null) {
            channel.close();
        }
        vendor.close();
        mongo.getCollection(ProviderSettingsStore.COLLECTION).drop();
    }

    private void start(ProviderProperties properties) {
        store = new ProviderSettingsStore(mongo, properties);
        channel = new HttpProviderChannel(store, properties);
    }

    private void start() {
        start(new ProviderProperties(Duration.ofSeconds(5), 8,
                new RetrySettings(3, Duration.ofMillis(20), 2.0, Duration.ofSeconds(1)), Map.of()));
    }

    private void configure(String workspace, ComponentType type, String body, Duration timeout) {
        store.save(workspace, new ProviderSettings(type, vendor.url("/" + type.name().toLowerCase()),
                Map.of("Authorization", "Bearer vendor-token", "X-Account", "acme-7"), body, timeout,
                Source.WORKSPACE), "tester", Instant.now());
    }

    @Test
    void postsTheFilledTemplateWithTheProvidersHeadersAndTheIdempotencyKey() throws Exception {
        start();
        configure("acme", ComponentType.TEXT_SMS, SMS_BODY, Duration.ofSeconds(5));
        AudienceMember ann = user("ann", Map.of("phone", "+46 70 1", "tier", "gold \"vip\"\n", "name", "Ann"));

        List<SendResult> results = channel.send(Batches.of(ComponentType.TEXT_SMS, Map.of(
                "template", "Hi {{name}}, 10% off \\o/", "params", Map.of("sender", Map.of("name", "Shop"))),
                List.of(ann)));

        assertThat(results).containsExactly(SendResult.success());
        RecordingServer.Request request = vendor.requests().get(0);
        assertThat(request.path()).isEqualTo("/text_sms");
        assertThat(request.header("Authorization")).isEqualTo("Bearer vendor-token");
        assertThat(request.header("X-Account")).isEqualTo("acme-7");
        assertThat(request.header("Idempotency-Key")).isEqualTo(keyOf("ann"));
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.get("to").asText()).isEqualTo("+46 70 1");
        assertThat(body.get("text").asText()).isEqualTo("Hi Ann, 10% off \\o/");
        assertThat(body.get("ref").asText()).isEqualTo(keyOf("ann"));
        assertThat(body.get("user").asText()).isEqualTo("ann");
        assertThat(body.get("execution").asText()).isEqualTo(Batches.EXECUTION);
        assertThat(body.get("component").asText()).isEqualTo("send");
        assertThat(body.get("tier").asText()).isEqualTo("gold \"vip\"\n");
        assertThat(body.get("missing").asText()).isEmpty();
        assertThat(body.get("sender").asText()).isEqualTo("Shop");
    }

    @Test
    void sendsEachUserOnceWithItsOwnKey() {
        start();
        configure("acme", ComponentType.DIGITAL_SMS, SMS_BODY, Duration.ofSeconds(5));

        List<SendResult> results = channel.send(Batches.of(ComponentType.DIGITAL_SMS, Map.of("template", "t"),
                users(200)));

        assertThat(results).hasSize(200).allMatch(SendResult::succeeded);
        assertThat(vendor.requests()).extracting(request -> request.header("Idempotency-Key"))
                .hasSize(200).doesNotHaveDuplicates();
    }

    @Test
    void skipsSmsUsersWithoutAPhoneNumber() {
        start();
        configure("acme", ComponentType.TEXT_SMS, SMS_BODY, Duration.ofSeconds(5));
        List<AudienceMember> users = List.of(user("a", Map.of("phone", "+1")), user("b", Map.of()),
                user("c", Map.of("phone", " ")));

        List<SendResult> results = channel.send(Batches.of(ComponentType.TEXT_SMS, Map.of("template", "t"), users));

        assertThat(results).containsExactly(SendResult.success(), SendResult.skipped("NO_ADDRESS"),
                SendResult.skipped("NO_ADDRESS"));
        assertThat(vendor.requests()).hasSize(1);
    }

    @Test
    void usesTheAddressAttributeTheComponentNames() throws Exception {
        start();
        configure("acme", ComponentType.APP_PUSH, "{\"device\": \"{{address}}\", \"raw\": \"{{deviceToken}}\"}",
                Duration.ofSeconds(5));
        List<AudienceMember> users = List.of(user("a", Map.of("deviceToken", "tok-a")), user("b", Map.of()));

        List<SendResult> results = channel.send(Batches.of(ComponentType.APP_PUSH,
                Map.of("template", "t", "addressAttribute", "deviceToken"), users));

        assertThat(results).containsExactly(SendResult.success(), SendResult.skipped("NO_ADDRESS"));
        JsonNode body = JSON.readTree(vendor.requests().get(0).body());
        assertThat(body.get("device").asText()).isEqualTo("tok-a");
        assertThat(body.get("raw").asText()).isEqualTo("tok-a");
    }

    @Test
    void needsNoAddressForTypesOtherThanSms() {
        start();
        configure("acme", ComponentType.COUPON, "{\"coupon\": \"{{config.couponId}}\", \"user\": \"{{userId}}\"}",
                Duration.ofSeconds(5));

        List<SendResult> results = channel.send(Batches.of(ComponentType.COUPON, Map.of("couponId", "c-9"),
                List.of(user("a", Map.of()))));

        assertThat(results).containsExactly(SendResult.success());
        assertThat(vendor.requests().get(0).text()).contains("\"c-9\"");
    }

    @Test
    void failsEveryUserAndTheComponentWhenTheWorkspaceHasNoProvider() {
        start();
        configure("other-workspace", ComponentType.TEXT_SMS, SMS_BODY, Duration.ofSeconds(5));
        ChannelExecutor executor = new ChannelExecutor(channel, new DeliveryLedger(mongo),
                new ExecutionStops(mongo));
        BatchContext context = new BatchContext(UUID.randomUUID().toString(), "c", "acme", "a", 0);

        ComponentRun run = executor.execute(context, new FlowComponent("sms", ComponentType.TEXT_SMS,
                Map.of("template", "t")), users(3));

        assertThat(run.failure()).isEqualTo("NO_PROVIDER");
        assertThat(run.outcomes()).allMatch(outcome -> outcome.result() == UserResult.SKIPPED
                && "NO_PROVIDER".equals(outcome.reason()));
        assertThat(vendor.requests()).isEmpty();
    }

    @Test
    void usesTheDeploymentProviderUnlessTheWorkspaceHasItsOwn() {
        String deploymentBody = "{\"from\": \"deployment\", \"to\": \"{{address}}\"}";
        start(new ProviderProperties(Duration.ofSeconds(5), 8, RetrySettings.defaults(), Map.of(
                ComponentType.TEXT_SMS, new ProviderProperties.Default(vendor.url("/default"),
                        Map.of("X-Key", "k"), deploymentBody, null))));

        channel.send(Batches.of(ComponentType.TEXT_SMS, Map.of("template", "t"), users(1)));
        configure("acme", ComponentType.TEXT_SMS, SMS_BODY, Duration.ofSeconds(5));
        channel.send(Batches.of(ComponentType.TEXT_SMS, Map.of("template", "t"), users(1)));

        assertThat(vendor.requests()).extracting(RecordingServer.Request::path)
                .containsExactly("/default", "/text_sms");
        assertThat(vendor.requests().get(0).header("X-Key")).isEqualTo("k");
        assertThat(store.find("acme", ComponentType.TEXT_SMS)).get()
                .extracting(ProviderSettings::source).isEqualTo(Source.WORKSPACE);
        assertThat(store.find("elsewhere", ComponentType.TEXT_SMS)).get()
                .extracting(ProviderSettings::source).isEqualTo(Source.DEPLOYMENT);
    }

    @Test
    void retriesA503ButNotA4xx() {
        start();
        configure("acme", ComponentType.WECHAT_MESSAGE, "{\"u\": \"{{userId}}\"}", Duration.ofSeconds(5));
        vendor.answer(request -> vendor.attemptsOf(request.header("Idempotency-Key")) == 1
                ? (request.text().contains("u1") ? 503 : 422) : 200);

        List<SendResult> results = channel.send(Batches.of(ComponentType.WECHAT_MESSAGE, Map.of("template", "t"),
                users(2)));

        assertThat(results).containsExactly(SendResult.success(), SendResult.failed("HTTP 422"));
        assertThat(vendor.attemptsOf(keyOf("u1"))).isEqualTo(2);
        assertThat(vendor.attemptsOf(keyOf("u2"))).isEqualTo(1);
    }

    @Test
    void failsAUserWhenTheProviderDoesNotAnswerInTime() {
        start();
        configure("acme", ComponentType.SHOPPING_GUIDE_TASK, "{\"u\": \"{{userId}}\"}", Duration.ofMillis(150));
        vendor.delay(Duration.ofSeconds(1));

        List<SendResult> results = channel.send(Batches.of(ComponentType.SHOPPING_GUIDE_TASK,
                Map.of("template", "t"), users(1)));

        assertThat(results).containsExactly(SendResult.failed("TIMEOUT"));
    }
}
