package io.ferrymq.engine.local;

import io.ferrymq.engine.EngineException;
import io.ferrymq.engine.ErrorCode;
import io.ferrymq.engine.sqs.CreateQueueRequest;
import io.ferrymq.engine.sqs.ListQueuesRequest;
import io.ferrymq.engine.sqs.ListQueuesResult;
import io.ferrymq.engine.sqs.ReceiveMessageRequest;
import io.ferrymq.engine.sqs.ReceiveMessageResult;
import io.ferrymq.engine.sqs.SendMessageRequest;
import io.ferrymq.engine.time.ManualTimeSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** CreateQueue, GetQueueUrl, DeleteQueue and ListQueues, as SQS specifies them. */
class QueueLifecycleTest extends EngineFixture {
    private static final String URL_BASE = "http://localhost:9324/000000000000/";
    private static final String STANDARD_NAME_RULE =
            "Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length";
    private static final String FIFO_NAME_RULE = "The name of a FIFO queue can only include alphanumeric characters,"
            + " hyphens, or underscores, must end with .fifo suffix and be 1 to 80 in length.";

    static List<String> validStandardNames() {
        return List.of("a", "orders", "Orders_2026-eu", "q".repeat(80));
    }

    static List<String> invalidStandardNames() {
        return List.of("orders.v2", "with space", "caf\u00e9", "a/b", "a:b", "q".repeat(81));
    }

    static List<String> validFifoNames() {
        return List.of("a.fifo", "orders_eu-1.fifo", "q".repeat(75) + ".fifo");
    }

    static List<String> invalidFifoNames() {
        return List.of("orders", "orders-fifo", ".fifo", "orders.v2.fifo", "with space.fifo", "q".repeat(76) + ".fifo");
    }

    private CompletableFuture<String> create(String name, Map<String, String> attributes) {
        return engine.createQueue(CreateQueueRequest.of(name, attributes));
    }

    private List<String> listQueues() {
        return await(engine.listQueues(ListQueuesRequest.all())).queueUrls();
    }

    @Nested
    class CreateQueue {

        @Test
        void returnsTheQueueUrlInAwsForm() {
            assertThat(createQueue("orders")).isEqualTo("http://localhost:9324/000000000000/orders");
        }

        @Test
        void givesTheQueueAnArnInAwsForm() {
            assertThat(arnOf(createQueue("orders"))).isEqualTo("arn:aws:sqs:us-east-1:000000000000:orders");
        }

        @Test
        void takesTheEndpointRegionAndAccountFromTheBuilder() {
            try (LocalEngine custom = LocalEngine.builder().timeSource(new ManualTimeSource())
                    .endpoint("https://sqs.example.test:4566/").region("eu-west-1").accountId("123456789012").build()) {
                String url = await(custom.createQueue(CreateQueueRequest.of("orders")));

                assertThat(url).isEqualTo("https://sqs.example.test:4566/123456789012/orders");
                assertThat(await(custom.getQueueAttributes(url, List.of("QueueArn"))))
                        .containsEntry("QueueArn", "arn:aws:sqs:eu-west-1:123456789012:orders");
                assertThat(await(custom.getQueueUrl("orders", "123456789012"))).isEqualTo(url);
            }
        }

        @Test
        void isIdempotentWhenTheAttributesEqualTheExistingQueues() {
            Map<String, String> attributes = Map.of("VisibilityTimeout", "60", "DelaySeconds", "5");
            String first = await(create("orders", attributes));

            assertThat(await(create("orders", attributes))).isEqualTo(first);
            assertThat(listQueues()).containsExactly(first);
        }

        @Test
        void isIdempotentWhenTheAttributesAreASubsetOfTheExistingQueues() {
            String first = await(create("orders", Map.of("VisibilityTimeout", "60", "DelaySeconds", "5")));

            assertThat(await(create("orders", Map.of("DelaySeconds", "5")))).isEqualTo(first);
            assertThat(createQueue("orders")).isEqualTo(first);
            assertThat(attribute(first, "VisibilityTimeout")).isEqualTo(60);
        }

        @Test
        void isIdempotentWhenAnAttributeIsGivenWithItsDefaultValue() {
            String first = createQueue("orders");

            assertThat(await(create("orders", Map.of("VisibilityTimeout", "30")))).isEqualTo(first);
        }

        @Test
        void refusesAnExistingNameWithADifferentAttributeValueAndKeepsTheQueue() {
            String url = await(create("orders", Map.of("VisibilityTimeout", "60")));

            EngineException e = assertFails(create("orders", Map.of("VisibilityTimeout", "61")),
                    ErrorCode.QUEUE_NAME_EXISTS,
                    "A queue already exists with the same name and a different value for attribute VisibilityTimeout");
            assertThat(e.errorCode().queryCode()).isEqualTo("QueueAlreadyExists");
            assertThat(attribute(url, "VisibilityTimeout")).isEqualTo(60);
        }

        @ParameterizedTest
        @MethodSource("io.ferrymq.engine.local.QueueLifecycleTest#validStandardNames")
        void acceptsStandardNamesOfLettersDigitsHyphensAndUnderscoresUpTo80Long(String name) {
            assertThat(createQueue(name)).isEqualTo(URL_BASE + name);
        }

        @ParameterizedTest
        @MethodSource("io.ferrymq.engine.local.QueueLifecycleTest#invalidStandardNames")
        void refusesOtherStandardNames(String name) {
            assertFails(engine.createQueue(CreateQueueRequest.of(name)), ErrorCode.INVALID_PARAMETER_VALUE,
                    STANDARD_NAME_RULE);
            assertThat(listQueues()).isEmpty();
        }

        @Test
        void refusesAnEmptyName() {
            assertThat(failure(engine.createQueue(CreateQueueRequest.of(""))).errorCode())
                    .isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE);
        }

        @Test
        void refusesANameEndingInFifoWithoutFifoQueue() {
            assertFails(engine.createQueue(CreateQueueRequest.of("orders.fifo")), ErrorCode.INVALID_PARAMETER_VALUE,
                    STANDARD_NAME_RULE);
        }

        @ParameterizedTest
        @MethodSource("io.ferrymq.engine.local.QueueLifecycleTest#validFifoNames")
        void acceptsFifoNamesEndingInFifoUpTo80Long(String name) {
            String url = await(create(name, Map.of("FifoQueue", "true")));

            assertThat(url).isEqualTo(URL_BASE + name);
            assertThat(attributes(url)).containsEntry("FifoQueue", "true");
        }

        @ParameterizedTest
        @MethodSource("io.ferrymq.engine.local.QueueLifecycleTest#invalidFifoNames")
        void refusesOtherFifoNames(String name) {
            assertFails(create(name, Map.of("FifoQueue", "true")), ErrorCode.INVALID_PARAMETER_VALUE, FIFO_NAME_RULE);
            assertThat(listQueues()).isEmpty();
        }

        @Test
        void refusesFifoQueueFalseAsAnUnknownAttribute() {
            assertFails(create("orders", Map.of("FifoQueue", "false")), ErrorCode.INVALID_ATTRIBUTE_NAME,
                    "Unknown Attribute FifoQueue.");
        }

        @Test
        void refusesAnUnknownAttributeAndCreatesNothing() {
            assertFails(create("orders", Map.of("Colour", "blue")), ErrorCode.INVALID_ATTRIBUTE_NAME,
                    "Unknown Attribute Colour.");
            assertThat(listQueues()).isEmpty();
        }
    }

    @Nested
    class GetQueueUrl {

        @Test
        void returnsTheUrlOfAnExistingQueue() {
            String url = createQueue("orders");

            assertThat(await(engine.getQueueUrl("orders"))).isEqualTo(url);
        }

        @Test
        void failsWithQueueDoesNotExistForAnUnknownName() {
            createQueue("orders");

            EngineException e = assertFails(engine.getQueueUrl("invoices"), ErrorCode.QUEUE_DOES_NOT_EXIST,
                    "The specified queue does not exist.");
            assertThat(e.errorCode().queryCode()).isEqualTo("AWS.SimpleQueueService.NonExistentQueue");
        }

        @Test
        void findsTheQueueWhenTheOwnerIsThisAccount() {
            String url = createQueue("orders");

            assertThat(await(engine.getQueueUrl("orders", "000000000000"))).isEqualTo(url);
        }

        @Test
        void failsWithQueueDoesNotExistForAnotherOwnerAccount() {
            createQueue("orders");

            assertFails(engine.getQueueUrl("orders", "111122223333"), ErrorCode.QUEUE_DOES_NOT_EXIST,
                    "The specified queue does not exist.");
        }
    }

    @Nested
    class DeleteQueue {

        @Test
        void makesEveryLaterOperationOnTheQueueFailWithQueueDoesNotExist() {
            String url = createQueue("orders");
            send(url, "hello");

            await(engine.deleteQueue(url));

            List<CompletableFuture<?>> calls = List.of(
                    engine.getQueueUrl("orders"),
                    engine.getQueueAttributes(url, List.of("All")),
                    engine.sendMessage(SendMessageRequest.of(url, "again")),
                    engine.receiveMessage(ReceiveMessageRequest.of(url)),
                    engine.setQueueAttributes(url, Map.of("DelaySeconds", "1")),
                    engine.purgeQueue(url),
                    engine.listQueueTags(url),
                    engine.deleteQueue(url));
            for (CompletableFuture<?> call : calls) {
                assertThat(failure(call).errorCode()).isEqualTo(ErrorCode.QUEUE_DOES_NOT_EXIST);
            }
        }

        @Test
        void failsWithQueueDoesNotExistForAnUnknownQueue() {
            assertFails(engine.deleteQueue(URL_BASE + "never-created"), ErrorCode.QUEUE_DOES_NOT_EXIST,
                    "The specified queue does not exist.");
        }

        @Test
        void removesTheQueueFromListQueuesAndLeavesTheOthers() {
            String orders = createQueue("orders");
            String invoices = createQueue("invoices");

            await(engine.deleteQueue(orders));

            assertThat(listQueues()).containsExactly(invoices);
        }

        @Test
        void refusesToRecreateTheNameWithin60SecondsWithQueueDeletedRecently() {
            await(engine.deleteQueue(createQueue("orders")));
            clock.advanceSeconds(59);

            EngineException e = assertFails(engine.createQueue(CreateQueueRequest.of("orders")),
                    ErrorCode.QUEUE_DELETED_RECENTLY, "You must wait 60 seconds after deleting a queue before you"
                            + " can create another with the same name.");
            assertThat(e.errorCode().queryCode()).isEqualTo("AWS.SimpleQueueService.QueueDeletedRecently");
            assertThat(listQueues()).isEmpty();
        }

        @Test
        void allowsTheNameAgainAfter60SecondsAsANewEmptyQueue() {
            String old = createQueue("orders");
            send(old, "from the old queue");
            await(engine.deleteQueue(old));
            clock.advanceSeconds(60);

            String url = createQueue("orders");

            assertThat(url).isEqualTo(old);
            assertThat(attribute(url, "ApproximateNumberOfMessages")).isZero();
            assertThat(receive(url, 10)).isEmpty();
        }

        @Test
        void endsAWaitingLongPollWithQueueDoesNotExist() {
            String url = createQueue("orders");
            CompletableFuture<ReceiveMessageResult> waiting =
                    engine.receiveMessage(ReceiveMessageRequest.of(url).withWaitTimeSeconds(20));
            assertThat(waiting).isNotDone();

            await(engine.deleteQueue(url));

            assertFails(waiting, ErrorCode.QUEUE_DOES_NOT_EXIST, "The specified queue does not exist.");
        }
    }

    @Nested
    class ListQueues {

        private ListQueuesResult list(String prefix, Integer maxResults, String nextToken) {
            return await(engine.listQueues(new ListQueuesRequest(prefix, maxResults, nextToken)));
        }

        @Test
        void listsEveryQueueWithoutAPrefix() {
            String a = createQueue("orders");
            String b = createQueue("invoices");
            String c = await(create("payments.fifo", Map.of("FifoQueue", "true")));

            assertThat(listQueues()).containsExactlyInAnyOrder(a, b, c);
        }

        @Test
        void listsOnlyTheQueuesWhoseNameStartsWithThePrefix() {
            String orders = createQueue("orders");
            String ordersDlq = createQueue("orders-dlq");
            createQueue("invoices");
            createQueue("Orders-upper");

            assertThat(list("orders", null, null).queueUrls()).containsExactlyInAnyOrder(orders, ordersDlq);
            assertThat(list("nothing", null, null).queueUrls()).isEmpty();
        }

        @Test
        void pagesThroughEveryQueueOnceWithMaxResultsAndNextToken() {
            List<String> created = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                created.add(createQueue("queue-" + i));
            }

            List<String> seen = new ArrayList<>();
            List<Integer> pageSizes = new ArrayList<>();
            String token = null;
            do {
                ListQueuesResult page = list(null, 3, token);
                seen.addAll(page.queueUrls());
                pageSizes.add(page.queueUrls().size());
                token = page.nextToken();
            } while (token != null);

            assertThat(pageSizes).containsExactly(3, 3, 1);
            assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
        }

        @Test
        void pagesWithinThePrefix() {
            String a = createQueue("orders-a");
            String b = createQueue("orders-b");
            createQueue("invoices");

            ListQueuesResult first = list("orders", 1, null);
            ListQueuesResult second = list("orders", 1, first.nextToken());

            assertThat(first.nextToken()).isNotNull();
            assertThat(second.nextToken()).isNull();
            assertThat(List.of(first.queueUrls().get(0), second.queueUrls().get(0))).containsExactlyInAnyOrder(a, b);
        }

        @Test
        void givesNoNextTokenWhenMaxResultsIsAbsent() {
            for (int i = 0; i < 5; i++) {
                createQueue("queue-" + i);
            }

            ListQueuesResult all = list(null, null, null);

            assertThat(all.queueUrls()).hasSize(5);
            assertThat(all.nextToken()).isNull();
        }

        @Test
        void givesNoNextTokenWhenEverythingFitsOnThePage() {
            createQueue("orders");

            assertThat(list(null, 1000, null).nextToken()).isNull();
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1, 1001})
        void refusesMaxResultsOutside1To1000(int maxResults) {
            EngineException e = failure(engine.listQueues(new ListQueuesRequest(null, maxResults, null)));

            assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE);
            assertThat(e.getMessage()).contains("MaxResults");
        }

        @ParameterizedTest
        @ValueSource(strings = {"not a token!", "Zm9vLmJhcg"}) // the second is base64 of "foo.bar", no queue name
        void refusesANextTokenItDidNotIssue(String token) {
            createQueue("orders");

            assertThat(failure(engine.listQueues(new ListQueuesRequest(null, 1, token))).errorCode())
                    .isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE);
        }
    }
}
