package io.jenkins.plugins.dockerbuildwebhooks.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Decodes payloads the way typed receivers do (keel's Go structs: int64 timestamps and counts,
 * strings, bools; Go's encoding/json refuses a float or a string where an int is declared).
 */
class TypedReceiverDecodingTest {

    record KeelPushData(@JsonProperty("pushed_at") long pushedAt, String pusher, String tag, List<String> images) {}

    record KeelRepository(
            @JsonProperty("comment_count") long commentCount,
            @JsonProperty("date_created") long dateCreated,
            String description,
            String dockerfile,
            @JsonProperty("full_description") String fullDescription,
            @JsonProperty("is_official") boolean isOfficial,
            @JsonProperty("is_private") boolean isPrivate,
            @JsonProperty("is_trusted") boolean isTrusted,
            String name,
            String namespace,
            String owner,
            @JsonProperty("repo_name") String repoName,
            @JsonProperty("repo_url") String repoUrl,
            @JsonProperty("star_count") long starCount,
            String status) {}

    record KeelWebhook(
            @JsonProperty("callback_url") String callbackUrl,
            @JsonProperty("push_data") KeelPushData pushData,
            KeelRepository repository) {}

    private static ObjectMapper strictLikeGo() {
        JsonMapper mapper = JsonMapper.builder()
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        return mapper;
    }

    @Test
    void shouldDecodeTheDockerHubProfileIntoStrictlyTypedFields() throws Exception {
        byte[] json = PayloadWriter.toBytes(PayloadFixtures.demoPayloads().get(0), PayloadProfile.DOCKER_HUB);

        KeelWebhook webhook = strictLikeGo().readValue(json, KeelWebhook.class);

        assertThat(webhook.pushData().pushedAt()).isEqualTo(PayloadFixtures.PUSHED_AT.getEpochSecond());
        assertThat(webhook.pushData().tag()).isEqualTo("1.0");
        assertThat(webhook.repository().repoName()).isEqualTo("localhost:5000/demo/app");
        assertThat(webhook.repository().dateCreated()).isEqualTo(PayloadFixtures.CREATED_AT.getEpochSecond());
        assertThat(webhook.repository().commentCount()).isZero();
    }

    @Test
    void shouldShowWhyTheLegacyProfileIsOptIn() {
        byte[] json = PayloadWriter.toBytes(PayloadFixtures.demoPayloads().get(0), PayloadProfile.DOCKER_HUB_LEGACY);

        assertThatThrownBy(() -> strictLikeGo().readValue(json, KeelWebhook.class))
                .isInstanceOf(MismatchedInputException.class);
    }
}
