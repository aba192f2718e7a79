package io.ferrymq.camel.sqs;

import io.ferrymq.camel.EngineCalls;
import io.ferrymq.engine.sqs.Message;
import io.ferrymq.engine.sqs.MessageSystemAttributeName;
import io.ferrymq.engine.sqs.ReceiveMessageRequest;
import io.ferrymq.engine.sqs.ReceiveMessageResult;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One of a consumer's concurrentConsumers: long-polls the queue, then processes what it received one message after
 * another. Stopping withdraws its waiting receive (the engine leases nothing to a cancelled one) and hands back what
 * it holds unprocessed, so those messages are visible again at once.
 */
final class PollingLoop implements Runnable {
    /** How long a loop waits after an engine error before polling again (the queue may be gone). */
    private static final long ERROR_BACKOFF_MILLIS = 1000;

    private final FerrySqsConsumer consumer;
    private final QueueTarget target;
    private final ReceiveMessageRequest receive;
    private final int maxMessagesPerPoll;
    private final LeaseExtender extender;
    private final CountDownLatch stopped = new CountDownLatch(1);
    /** Received and not yet handed to the route; guarded by this. */
    private final Deque<Message> waiting = new ArrayDeque<>();
    private CompletableFuture<ReceiveMessageResult> pendingReceive;
    private boolean stopping;

    PollingLoop(FerrySqsConsumer consumer, QueueTarget target, ReceiveMessageRequest receive, int maxMessagesPerPoll,
                LeaseExtender extender) {
        this.consumer = consumer;
        this.target = target;
        this.receive = receive;
        this.maxMessagesPerPoll = maxMessagesPerPoll;
        this.extender = extender;
    }

    @Override
    public void run() {
        while (!isStopping()) {
            try {
                if (poll()) {
                    processWaiting();
                }
            } catch (RuntimeException e) {
                if (isStopping() || EngineCalls.isCancellation(e)) {
                    break;
                }
                consumer.getExceptionHandler().handleException("ferry-sqs could not receive from "
                        + target.queueUrl() + "; polling again in " + ERROR_BACKOFF_MILLIS + " ms",
                        EngineCalls.cause(e));
                backOff();
            }
        }
    }

    /**
     * One poll: a receive that waits for the first message, then receives that take only what is already there, up
     * to maxMessagesPerPoll. True when something was received.
     */
    private boolean poll() {
        List<Message> got = new ArrayList<>();
        int asked = Math.min(10, maxMessagesPerPoll);
        List<Message> first = receive(receive.withMaxNumberOfMessages(asked));
        got.addAll(first);
        while (first.size() == asked && got.size() < maxMessagesPerPoll && !isStopping()) {
            asked = Math.min(10, maxMessagesPerPoll - got.size());
            first = receive(receive.withMaxNumberOfMessages(asked).withWaitTimeSeconds(0));
            got.addAll(first);
        }
        return hold(got);
    }

    private List<Message> receive(ReceiveMessageRequest request) {
        CompletableFuture<ReceiveMessageResult> f = target.engine().receiveMessage(request);
        synchronized (this) {
            if (stopping) {
                f.cancel(false);
            }
            pendingReceive = f;
        }
        try {
            return f.join().messages();
        } finally {
            synchronized (this) {
                pendingReceive = null;
            }
        }
    }

    /** Takes the received messages into this loop's hands, or hands them straight back if it is stopping. */
    private boolean hold(List<Message> got) {
        if (got.isEmpty()) {
            return false;
        }
        synchronized (this) {
            if (!stopping) {
                if (extender != null) {
                    got.forEach(m -> extender.hold(m.receiptHandle()));
                }
                waiting.addAll(got);
                return true;
            }
        }
        Handback.release(target.engine(), target.queueUrl(), got.stream().map(Message::receiptHandle).toList());
        return false;
    }

    private void processWaiting() {
        int size;
        synchronized (this) {
            size = waiting.size();
        }
        for (int index = 0; ; index++) {
            Message next;
            synchronized (this) {
                next = stopping ? null : waiting.poll();
            }
            if (next == null) {
                return;
            }
            boolean failed = consumer.process(next, index, size);
            if (failed && target.fifo()) {
                handBackRestOfGroup(next);
            }
        }
    }

    /**
     * A FIFO message failed: the later messages of its group in this batch go back unprocessed, to be received
     * again after it, so the group's order holds (processing them now would overtake it).
     */
    private void handBackRestOfGroup(Message failed) {
        String group = failed.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID);
        List<String> handles = new ArrayList<>();
        synchronized (this) {
            for (Iterator<Message> it = waiting.iterator(); it.hasNext(); ) {
                Message m = it.next();
                if (Objects.equals(group, m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID))) {
                    it.remove();
                    handles.add(m.receiptHandle());
                }
            }
        }
        giveBack(handles);
    }

    /**
     * Stops the loop: withdraws its waiting receive and hands back what it has not begun to process. The message
     * being processed, if any, completes as usual.
     */
    void stop() {
        List<String> handles = new ArrayList<>();
        synchronized (this) {
            stopping = true;
            if (pendingReceive != null) {
                pendingReceive.cancel(false);
            }
            waiting.forEach(m -> handles.add(m.receiptHandle()));
            waiting.clear();
        }
        stopped.countDown();
        giveBack(handles);
    }

    private void giveBack(List<String> handles) {
        if (extender != null) {
            handles.forEach(extender::drop);
        }
        try {
            Handback.release(target.engine(), target.queueUrl(), handles);
        } catch (RuntimeException e) {
            consumer.getExceptionHandler().handleException("ferry-sqs could not hand " + handles.size()
                    + " messages back to " + target.queueUrl() + "; they reappear after their visibility timeout",
                    EngineCalls.cause(e));
        }
    }

    private synchronized boolean isStopping() {
        return stopping;
    }

    private void backOff() {
        try {
            stopped.await(ERROR_BACKOFF_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
        }
    }
}
