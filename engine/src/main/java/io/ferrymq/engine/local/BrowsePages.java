package io.ferrymq.engine.local;

import io.ferrymq.engine.sqs.BrowseResult;
import io.ferrymq.engine.sqs.Message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.ferrymq.engine.local.StoredMessage.State.VISIBLE;

/**
 * One page of a browse, read under the queue's lock: its visible messages in arrival order, after the cursor's
 * message. Arrival order does not change while messages come and go, so a cursor stays good: when its message is
 * still there the page continues from it at once, else from the first message that arrived after it.
 */
final class BrowsePages {
    private BrowsePages() {
    }

    static BrowseResult page(Arrivals arrivals, Map<String, StoredMessage> messages, BrowseCursors.Position after,
                             ReceiveOptions o, long incarnation) {
        List<Message> page = new ArrayList<>(o.maxMessages());
        StoredMessage last = null;
        for (StoredMessage m = first(arrivals, messages, after); m != null; m = m.newer) {
            if (m.state != VISIBLE) {
                continue;
            }
            if (page.size() == o.maxMessages()) { // there is more: the next page starts after the last one here
                return new BrowseResult(page, BrowseCursors.encode(incarnation, last));
            }
            page.add(MessageViews.browsed(m, o));
            last = m;
        }
        return new BrowseResult(page, null);
    }

    private static StoredMessage first(Arrivals arrivals, Map<String, StoredMessage> messages,
                                       BrowseCursors.Position after) {
        if (after == null) {
            return arrivals.oldest();
        }
        StoredMessage at = messages.get(after.messageId());
        if (at != null && at.arrival == after.arrival()) {
            return at.newer;
        }
        StoredMessage m = arrivals.oldest(); // its message left: a walk, once, to where it was
        while (m != null && m.arrival <= after.arrival()) {
            m = m.newer;
        }
        return m;
    }
}
