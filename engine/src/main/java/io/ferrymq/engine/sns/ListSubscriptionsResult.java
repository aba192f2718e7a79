package io.ferrymq.engine.sns;

import java.util.List;

/** A page of subscriptions (up to 100); nextToken is null on the last page. */
public record ListSubscriptionsResult(List<Subscription> subscriptions, String nextToken) {
    public ListSubscriptionsResult {
        subscriptions = List.copyOf(subscriptions);
    }
}
