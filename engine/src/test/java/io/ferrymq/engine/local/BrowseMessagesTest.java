package io.ferrymq.engine.local;

import io.ferrymq.engine.ErrorCode;
import io.ferrymq.engine.sqs.BrowseRequest;
import io.ferrymq.engine.sqs.BrowseResult;
import io.ferrymq.engine.sqs.Message;
import io.ferrymq.engine.sqs.MessageAttributeValue;
import io.ferrymq.engine.sqs.SendMessageRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * BROWSE shows a queue's visible messages (neither delayed nor in flight) in arrival order, a page at a time,
 * without leasing them or counting a receive. A page's cursor stays good while messages come and go.
 */
class BrowseMessagesTest extends EngineFixture {
    private String queue;

    @BeforeEach
    void createStandardQueue() {
        queue = createQueue("orders", Map.of("VisibilityTimeout", "30"));
    }

    @Test
    void showsVisibleMessagesInOrderWithoutReceiptHandlesOrAReceive() {
        sendAll("a", "b", "c");

        BrowseResult page = browse(BrowseRequest.of(queue));

        assertThat(bodies(page)).containsExactly("a", "b", "c");
        assertThat(page.nextCursor()).isNull();
        assertThat(page.messages()).allSatisfy(m -> {
            assertThat(m.receiptHandle()).isNull();
            assertThat(m.receiveCount()).isZero();
            assertThat(m.attributes()).doesNotContainKey("ApproximateFirstReceiveTimestamp");
        });
    }

    @Test
    void browsingChangesNothingAReceiveWouldSee() {
        sendAll("a", "b");
        browse(BrowseRequest.of(queue));
        browse(BrowseRequest.of(queue));

        assertThat(attribute(queue, "ApproximateNumberOfMessages")).isEqualTo(2);
        assertThat(attribute(queue, "ApproximateNumberOfMessagesNotVisible")).isZero();
        List<Message> got = receive(queue, 10);
        assertThat(got).extracting(Message::body).containsExactly("a", "b");
        assertThat(got).allSatisfy(m -> {
            assertThat(m.receiveCount()).isEqualTo(1);
            assertThat(m.attributes()).containsEntry("ApproximateFirstReceiveTimestamp",
                    Long.toString(clock.millis()));
        });
    }

    @Test
    void leavesOutMessagesInFlightAndDelayedUntilTheyAreVisibleAgain() {
        send(queue, "leased");
        await(engine.sendMessage(SendMessageRequest.of(queue, "delayed").withDelaySeconds(10)));
        send(queue, "ready");
        receiveOne(queue);

        assertThat(bodies(browse(BrowseRequest.of(queue)))).containsExactly("ready");

        clock.advanceSeconds(30);
        assertThat(bodies(browse(BrowseRequest.of(queue)))).containsExactly("leased", "delayed", "ready");
    }

    @Test
    void pagesFollowOneAnotherThroughTheirCursors() {
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            sent.add("m" + i);
        }
        sendAll(sent.toArray(String[]::new));

        List<String> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        BrowseResult page = browse(BrowseRequest.of(queue));
        while (true) {
            seen.addAll(bodies(page));
            sizes.add(page.messages().size());
            if (page.nextCursor() == null) {
                break;
            }
            page = browse(BrowseRequest.of(queue).withCursor(page.nextCursor()));
        }

        assertThat(seen).isEqualTo(sent);
        assertThat(sizes).containsExactly(10, 10, 5);
    }

    @Test
    void aFullLastPageHasNoCursorAndAnEmptyQueueAnEmptyPage() {
        BrowseResult empty = browse(BrowseRequest.of(queue));
        assertThat(empty.messages()).isEmpty();
        assertThat(empty.nextCursor()).isNull();

        sendAll("a", "b");
        BrowseResult full = browse(BrowseRequest.of(queue).withMaxNumberOfMessages(2));

        assertThat(bodies(full)).containsExactly("a", "b");
        assertThat(full.nextCursor()).as("nothing visible after b").isNull();
    }

    @Test
    void aCursorStaysGoodWhenItsMessageIsTakenAndNewMessagesArrive() {
        sendAll("a", "b", "c", "d", "e");
        BrowseResult first = browse(BrowseRequest.of(queue).withMaxNumberOfMessages(2));
        for (Message m : receive(queue, 2)) { // a and b, the first page, leave the queue
            await(engine.deleteMessage(queue, m.receiptHandle()));
        }
        send(queue, "f");

        BrowseResult next = browse(BrowseRequest.of(queue).withCursor(first.nextCursor()).withMaxNumberOfMessages(10));

        assertThat(bodies(next)).containsExactly("c", "d", "e", "f");
    }

    @Test
    void aCursorWhoseMessageIsInFlightContinuesAfterIt() {
        sendAll("a", "b", "c");
        BrowseResult first = browse(BrowseRequest.of(queue).withMaxNumberOfMessages(1));
        receiveOne(queue);

        assertThat(bodies(browse(BrowseRequest.of(queue).withCursor(first.nextCursor())))).containsExactly("b", "c");
    }

    @Test
    void returnsTheAttributesAskedForAsReceiveDoes() {
        await(engine.sendMessage(SendMessageRequest.of(queue, "a").withMessageAttributes(Map.of(
                "color", MessageAttributeValue.string("red"), "size", MessageAttributeValue.number(3)))));

        Message m = browse(new BrowseRequest(queue, null, null, List.of("color"), List.of("SentTimestamp")))
                .messages().get(0);

        assertThat(m.messageAttributes()).containsOnlyKeys("color");
        assertThat(m.attributes()).containsOnlyKeys("SentTimestamp");
        assertThat(m.md5OfMessageAttributes()).isNotNull();
    }

    @Test
    void aFifoPageShowsEachGroupInOrderIncludingMessagesBehindOneInFlight() {
        String fifo = createQueue("orders.fifo", Map.of("FifoQueue", "true", "ContentBasedDeduplication", "true"));
        for (String body : List.of("g1-a", "g2-a", "g1-b", "g2-b")) {
            await(engine.sendMessage(SendMessageRequest.of(fifo, body).withMessageGroupId(body.substring(0, 2))));
        }
        receiveOne(fifo); // g1-a: g1 is held back until it is done

        assertThat(bodies(browse(BrowseRequest.of(fifo)))).containsExactly("g2-a", "g1-b", "g2-b");
    }

    @Test
    void requestsAreValidatedAsReceiveMessageValidatesThem() {
        for (int max : new int[] {0, 11}) {
            assertFails(engine.browseMessages(BrowseRequest.of(queue).withMaxNumberOfMessages(max)),
                    ErrorCode.INVALID_PARAMETER_VALUE, "Value " + max + " for parameter MaxNumberOfMessages is"
                            + " invalid. Reason: Must be between 1 and 10, if provided.");
        }
        assertFails(engine.browseMessages(BrowseRequest.of(queue + "-gone")), ErrorCode.QUEUE_DOES_NOT_EXIST,
                "The specified queue does not exist.");
    }

    @Test
    void aCursorOfAnotherQueueOrNoCursorAtAllIsRefused() {
        String other = createQueue("other");
        sendAll("a", "b");
        send(other, "x");
        send(other, "y");
        String othersCursor = browse(BrowseRequest.of(other).withMaxNumberOfMessages(1)).nextCursor();

        for (String cursor : List.of(othersCursor, "not-a-cursor")) {
            assertFails(engine.browseMessages(BrowseRequest.of(queue).withCursor(cursor)),
                    ErrorCode.INVALID_PARAMETER_VALUE, "Value " + cursor + " for parameter Cursor is invalid."
                            + " Reason: Not a browse cursor of this queue.");
        }
    }

    private void sendAll(String... bodies) {
        for (String body : bodies) {
            send(queue, body);
        }
    }

    private BrowseResult browse(BrowseRequest request) {
        return await(engine.browseMessages(request));
    }

    private static List<String> bodies(BrowseResult page) {
        return page.messages().stream().map(Message::body).toList();
    }
}
