package io.ferrymq.camel.sqs;

import io.ferrymq.camel.EngineCalls;
import io.ferrymq.engine.Capability;
import io.ferrymq.engine.Engine;
import io.ferrymq.engine.sqs.ChangeMessageVisibilityBatchRequestEntry;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes messages a consumer received but will not process visible again at once, rather than after their
 * visibility timeout: with the engine's RELEASE capability as if never received (their receive count unchanged),
 * else by ChangeMessageVisibility to 0, which SQS counts as a receive.
 */
final class Handback {
    private Handback() {
    }

    /** Hands the messages back and waits until the engine has done it. */
    static void release(Engine engine, String queueUrl, List<String> receiptHandles) {
        if (receiptHandles.isEmpty()) {
            return;
        }
        if (engine.capabilities().contains(Capability.RELEASE)) {
            EngineCalls.await(engine.releaseMessages(queueUrl, receiptHandles));
            return;
        }
        for (int from = 0; from < receiptHandles.size(); from += 10) {
            List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>(10);
            for (String handle : receiptHandles.subList(from, Math.min(from + 10, receiptHandles.size()))) {
                entries.add(new ChangeMessageVisibilityBatchRequestEntry(Integer.toString(entries.size()), handle,
                        0));
            }
            EngineCalls.await(engine.changeMessageVisibilityBatch(queueUrl, entries));
        }
    }
}
