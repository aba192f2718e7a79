package io.ferrymq.engine.perf;

import io.ferrymq.engine.Engine;
import io.ferrymq.engine.local.LocalEngine;
import io.ferrymq.engine.sns.CreateTopicRequest;
import io.ferrymq.engine.sns.PublishRequest;
import io.ferrymq.engine.sns.SubscribeRequest;
import io.ferrymq.engine.sqs.CreateQueueRequest;
import io.ferrymq.engine.sqs.MessageAttributeValue;

import java.util.List;
import java.util.Map;

/**
 * A rough figure for topic fan-out until the bench module exists: publishes to a topic with N subscriptions, each
 * filtering on its own customer id, so every publish matches exactly one of them. One Event Ruler machine answers
 * for all N, so the cost should barely grow with N. Not a test; prints publishes/second per N.
 * Run: mvn -q -pl engine test-compile exec:java -Dexec.skip=false -Dexec.classpathScope=test
 *        -Dexec.mainClass=io.ferrymq.engine.perf.FanOutProbe
 */
public final class FanOutProbe {
    private FanOutProbe() {
    }

    public static void main(String[] args) throws Exception {
        int publishes = 100_000;
        for (int subscriptions : new int[] {1, 10, 100, 500}) {
            try (Engine engine = LocalEngine.create()) {
                String topic = engine.createTopic(CreateTopicRequest.of("fanout")).get();
                for (int i = 0; i < subscriptions; i++) {
                    String url = engine.createQueue(CreateQueueRequest.of("q" + i)).get();
                    String arn = engine.getQueueAttributes(url, List.of("QueueArn")).get().get("QueueArn");
                    engine.subscribe(SubscribeRequest.sqs(topic, arn, Map.of("RawMessageDelivery", "true",
                            "FilterPolicy", "{\"customer\":[\"c" + i + "\"]}"))).get();
                }
                double best = 0;
                for (int round = 0; round < 3; round++) {
                    long start = System.nanoTime();
                    for (int n = 0; n < publishes; n++) {
                        engine.publish(PublishRequest.of(topic, "order " + n).withMessageAttributes(Map.of(
                                "customer", MessageAttributeValue.string("c" + (n % subscriptions))))).get();
                    }
                    best = Math.max(best, publishes / ((System.nanoTime() - start) / 1e9));
                    for (int i = 0; i < subscriptions; i++) {
                        engine.purgeQueue(engine.getQueueUrl("q" + i).get()); // keep memory flat between rounds
                    }
                }
                System.out.printf("%4d filtered subscriptions: %,9.0f publishes/s (best of 3 rounds of %,d)%n",
                        subscriptions, best, publishes);
            }
        }
    }
}
