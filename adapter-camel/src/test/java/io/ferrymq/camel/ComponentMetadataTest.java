package io.ferrymq.camel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated metadata tooling reads: Camel finds each component by its scheme alone (the META-INF/services file),
 * and the endpoint JSON describes every option and header, with camel-aws2-sqs/sns's names where they overlap.
 */
class ComponentMetadataTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @CsvSource({
        "ferry-sqs, io.ferrymq.camel.sqs.FerrySqsComponent, META-INF/io/ferrymq/camel/sqs/ferry-sqs.json",
        "ferry-sns, io.ferrymq.camel.sns.FerrySnsComponent, META-INF/io/ferrymq/camel/sns/ferry-sns.json",
    })
    void theComponentIsFoundByItsSchemeAndEveryOptionIsDescribed(String scheme, String type, String json)
            throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            assertThat(context.getComponent(scheme).getClass().getName()).isEqualTo(type);
        }
        JsonNode metadata;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(json)) {
            assertThat(in).as(json).isNotNull();
            metadata = JSON.readTree(in);
        }
        assertThat(metadata.at("/component/scheme").asText()).isEqualTo(scheme);
        List<String> undescribed = new ArrayList<>();
        for (String section : List.of("componentProperties", "properties", "headers")) {
            for (Map.Entry<String, JsonNode> option : metadata.get(section).properties()) {
                if (option.getValue().path("description").asText().isBlank()) {
                    undescribed.add(section + "." + option.getKey());
                }
            }
        }
        assertThat(undescribed).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "META-INF/io/ferrymq/camel/sqs/ferry-sqs.json, deleteAfterRead deleteIfFiltered visibilityTimeout"
                + " extendMessageVisibility waitTimeSeconds maxMessagesPerPoll concurrentConsumers attributeNames"
                + " messageAttributeNames delaySeconds messageGroupIdStrategy messageDeduplicationIdStrategy"
                + " autoCreateQueue redrivePolicy operation engine embeddedName timeSource",
        "META-INF/io/ferrymq/camel/sns/ferry-sns.json, subject messageStructure messageGroupIdStrategy"
                + " messageDeduplicationIdStrategy autoCreateTopic batchEnabled subscribeQueue filterPolicy"
                + " filterPolicyScope rawMessageDelivery engine embeddedName",
    })
    void theIssuesOptionsAreAllThere(String json, String options) throws Exception {
        JsonNode properties;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(json)) {
            properties = JSON.readTree(in).get("properties");
        }
        for (String option : options.split(" ")) {
            assertThat(properties.has(option)).as(option).isTrue();
        }
    }
}
