package io.ferrymq.engine.local;

import io.ferrymq.engine.EngineException;
import io.ferrymq.engine.ErrorCode;
import io.ferrymq.engine.sqs.CreateQueueRequest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
/** The RedrivePolicy and RedriveAllowPolicy attributes: how SQS validates them and enforces the allow list. */
class RedrivePolicyAttributesTest extends EngineFixture {

    private CompletableFuture<Void> set(String queueUrl, Map<String, String> attributes) {
        return engine.setQueueAttributes(queueUrl, attributes);
    }

    private String createFifoQueue(String name) {
        return createQueue(name, Map.of("FifoQueue", "true"));
    }

    @Nested
    class RedrivePolicyAttribute {
        private static final String REASON_PREFIX = "Value %s for parameter RedrivePolicy is invalid. Reason: ";

        private String policy(String dlqArn, Object maxReceiveCount) {
            return "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":" + maxReceiveCount + "}";
        }

        private EngineException refused(String policy, String reason) {
            String url = createQueue("orders");
            EngineException e = assertFails(set(url, Map.of("RedrivePolicy", policy)),
                    ErrorCode.INVALID_PARAMETER_VALUE, REASON_PREFIX.formatted(policy) + reason);
            assertThat(attributes(url)).doesNotContainKey("RedrivePolicy");
            return e;
        }

        @ParameterizedTest
        @ValueSource(strings = {"not json", "4", "[]", "\"text\""})
        void refusesAPolicyThatIsNotAJsonObject(String policy) {
            String url = createQueue("orders");

            assertFails(set(url, Map.of("RedrivePolicy", policy)), ErrorCode.INVALID_ATTRIBUTE_VALUE,
                    "Invalid value for the parameter RedrivePolicy. Reason: Redrive policy is not a valid JSON map.");
        }

        @Test
        void refusesAPolicyWithoutMaxReceiveCount() {
            createQueue("orders-dlq");

            refused("{}", "Redrive policy does not contain mandatory attribute: maxReceiveCount.");
            refused("{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:000000000000:orders-dlq\"}",
                    "Redrive policy does not contain mandatory attribute: maxReceiveCount.");
        }

        @Test
        void refusesAPolicyWithoutDeadLetterTargetArn() {
            refused("{\"maxReceiveCount\":5}",
                    "Redrive policy does not contain mandatory attribute: deadLetterTargetArn.");
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 1001, -1})
        void refusesMaxReceiveCountOutside1To1000(int count) {
            String dlq = arnOf(createQueue("orders-dlq"));

            refused(policy(dlq, count), "Invalid value for maxReceiveCount: " + count
                    + ", valid values are from 1 to 1000 both inclusive.");
        }

        @Test
        void refusesADeadLetterTargetThatIsNotAnArn() {
            refused("{\"deadLetterTargetArn\": \"dummy\", \"maxReceiveCount\": 42}",
                    "Invalid value for deadLetterTargetArn.");
        }

        @Test
        void refusesAnArnOfAnotherServiceThanSqs() {
            refused(policy("arn:aws:sns:us-east-1:000000000000:orders-topic", 5),
                    "Only SQS queues are valid resources for deadLetterTargetArn.");
        }

        @Test
        void refusesADeadLetterQueueThatDoesNotExist() {
            refused(policy("arn:aws:sqs:us-east-1:000000000000:missing-dlq", 5), "Dead letter target does not exist.");
        }

        @Test
        void refusesADeadLetterQueueOfTheOtherQueueType() {
            String fifoDlq = arnOf(createFifoQueue("orders-dlq.fifo"));

            refused(policy(fifoDlq, 5), "Dead-letter queue must be same type of queue as the source..");
        }

        @Test
        void refusesAStandardDeadLetterQueueForAFifoSource() {
            String dlq = arnOf(createQueue("orders-dlq"));
            String policy = policy(dlq, 5);

            assertFails(engine.createQueue(CreateQueueRequest.of("orders.fifo",
                            Map.of("FifoQueue", "true", "RedrivePolicy", policy))), ErrorCode.INVALID_PARAMETER_VALUE,
                    REASON_PREFIX.formatted(policy) + "Dead-letter queue must be same type of queue as the source..");
        }

        @Test
        void refusesAnUnknownKey() {
            String dlq = arnOf(createQueue("orders-dlq"));

            refused("{\"deadLetterTargetArn\":\"" + dlq + "\",\"maxReceiveCount\":5,\"colour\":\"blue\"}",
                    "Only following attributes are supported: [maxReceiveCount, deadLetterTargetArn].");
        }

        @Test
        void returnsAnAcceptedPolicyInCanonicalJson() {
            String dlq = arnOf(createQueue("orders-dlq"));
            String url = createQueue("orders");

            await(set(url, Map.of("RedrivePolicy",
                    "{ \"maxReceiveCount\" : \"5\",\n \"deadLetterTargetArn\" : \"" + dlq + "\" }")));

            assertThat(attributes(url)).containsEntry("RedrivePolicy", policy(dlq, 5));
        }

        @Test
        void isRemovedBySettingItToTheEmptyString() {
            String dlq = arnOf(createQueue("orders-dlq"));
            String url = createQueue("orders", Map.of("RedrivePolicy", policy(dlq, 3)));

            await(set(url, Map.of("RedrivePolicy", "")));

            assertThat(attributes(url)).doesNotContainKey("RedrivePolicy");
        }
    }

    @Nested
    class RedriveAllowPolicyAttribute {
        private static final String CANNOT = "Value %s for parameter RedriveAllowPolicy is invalid. Reason: Amazon"
                + " SQS can't create the redrive allow policy. ";

        private String byQueue(int sources) {
            StringBuilder arns = new StringBuilder();
            for (int i = 0; i < sources; i++) {
                arns.append(i == 0 ? "" : ",").append("\"arn:aws:sqs:us-east-1:000000000000:source-").append(i)
                        .append('"');
            }
            return "{\"redrivePermission\":\"byQueue\",\"sourceQueueArns\":[" + arns + "]}";
        }

        private String redrivePolicy(String dlqUrl) {
            return "{\"deadLetterTargetArn\":\"" + arnOf(dlqUrl) + "\",\"maxReceiveCount\":5}";
        }

        @ParameterizedTest
        @ValueSource(strings = {"not json", "{}", "[]", "{\"redrivePermission\":\"sometimes\"}",
                "{\"redrivePermission\":\"allowAll\",\"colour\":\"blue\"}",
                "{\"redrivePermission\":\"byQueue\",\"sourceQueueArns\":\"arn:aws:sqs:us-east-1:000000000000:a\"}",
                "{\"redrivePermission\":\"byQueue\",\"sourceQueueArns\":[1]}"})
        void refusesAPolicyInAnUnsupportedFormat(String policy) {
            String url = createQueue("orders-dlq");

            assertFails(set(url, Map.of("RedriveAllowPolicy", policy)), ErrorCode.INVALID_ATTRIBUTE_VALUE,
                    "Invalid value for the parameter RedriveAllowPolicy. Reason: Amazon SQS can't create the redrive"
                            + " allow policy, as it\u2019s in an unsupported format.");
            assertThat(attributes(url)).doesNotContainKey("RedriveAllowPolicy");
        }

        @ParameterizedTest
        @ValueSource(strings = {"{\"redrivePermission\":\"byQueue\"}",
                "{\"redrivePermission\":\"byQueue\",\"sourceQueueArns\":[]}"})
        void refusesByQueueWithoutSourceQueueArns(String policy) {
            String url = createQueue("orders-dlq");

            assertFails(set(url, Map.of("RedriveAllowPolicy", policy)), ErrorCode.INVALID_PARAMETER_VALUE,
                    CANNOT.formatted(policy) + "When you specify the byQueue permission type, you must also specify"
                            + " one or more sourceQueueArns values.");
        }

        @Test
        void acceptsTenSourceQueueArnsButNotEleven() {
            String url = createQueue("orders-dlq");
            await(set(url, Map.of("RedriveAllowPolicy", byQueue(10))));

            assertFails(set(url, Map.of("RedriveAllowPolicy", byQueue(11))), ErrorCode.INVALID_PARAMETER_VALUE,
                    CANNOT.formatted(byQueue(11)) + "The maximum number of source queue ARNs you can specify is 10.");
            assertThat(attributes(url)).containsEntry("RedriveAllowPolicy", byQueue(10));
        }

        @ParameterizedTest
        @ValueSource(strings = {"allowAll", "denyAll"})
        void refusesSourceQueueArnsWithAnotherPermissionThanByQueue(String permission) {
            String url = createQueue("orders-dlq");
            String policy = "{\"redrivePermission\":\"" + permission
                    + "\",\"sourceQueueArns\":[\"arn:aws:sqs:us-east-1:000000000000:orders\"]}";

            assertFails(set(url, Map.of("RedriveAllowPolicy", policy)), ErrorCode.INVALID_PARAMETER_VALUE,
                    CANNOT.formatted(policy) + "To specify one or more source queue ARNs, you must set"
                            + " redrivePermission to byQueue.");
        }

        @Test
        void denyAllKeepsEverySourceFromUsingTheQueueAsItsDeadLetterQueue() {
            String dlq = createQueue("orders-dlq", Map.of("RedriveAllowPolicy", "{\"redrivePermission\":\"denyAll\"}"));
            String source = createQueue("orders");
            String policy = redrivePolicy(dlq);

            EngineException e = failure(set(source, Map.of("RedrivePolicy", policy)));

            assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE);
            assertThat(e.getMessage()).startsWith("Value " + policy + " for parameter RedrivePolicy is invalid.");
            assertThat(attributes(source)).doesNotContainKey("RedrivePolicy");
        }

        @Test
        void byQueueLetsOnlyTheListedSourcesUseTheQueueAsTheirDeadLetterQueue() {
            String dlq = createQueue("orders-dlq", Map.of("RedriveAllowPolicy",
                    "{\"redrivePermission\":\"byQueue\",\"sourceQueueArns\":"
                            + "[\"arn:aws:sqs:us-east-1:000000000000:orders\"]}"));
            String policy = redrivePolicy(dlq);

            String allowed = createQueue("orders", Map.of("RedrivePolicy", policy));
            EngineException refused = failure(engine.createQueue(CreateQueueRequest.of("invoices",
                    Map.of("RedrivePolicy", policy))));

            assertThat(attributes(allowed)).containsEntry("RedrivePolicy", policy);
            assertThat(refused.errorCode()).isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE);
            assertThat(failure(engine.getQueueUrl("invoices")).errorCode()).isEqualTo(ErrorCode.QUEUE_DOES_NOT_EXIST);
        }
    }
}
