package io.ferrymq.compat.scenario;

import io.ferrymq.compat.matrix.Matrix;
import io.ferrymq.compat.matrix.MatrixRecorder;
import io.ferrymq.compat.target.Target;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static io.ferrymq.compat.scenario.ScenarioSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * JMSXGroupID on a queue the target offers for ordered delivery ({@link Target#orderedQueue}): a broker's message
 * groups, FerryMQ's FIFO queue (MessageGroupId).
 */
@DisplayName("Message groups")
@ExtendWith(MatrixRecorder.class)
class MessageGroupsTest {
    private static final int GROUPS = 3;
    private static final int PER_GROUP = 10;

    record Delivery(int consumer, String group, int seq) {
    }

    @DisplayName("messages of one JMSXGroupID are delivered in order, to one consumer at a time")
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.ferrymq.compat.target.Targets#all")
    void groups(Target target) throws Exception {
        Queue q = target.orderedQueue(unique("groups"));
        List<Delivery> deliveries = new ArrayList<>();
        Map<String, AtomicInteger> busy = new ConcurrentHashMap<>();
        AtomicBoolean overlapped = new AtomicBoolean();
        CountDownLatch all = new CountDownLatch(GROUPS * PER_GROUP);
        try (Connection c = target.connectionFactory().createConnection()) {
            // Two competing consumers, each on its own session, listening before anything is sent.
            for (int i = 0; i < 2; i++) {
                int consumer = i;
                c.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(q).setMessageListener(m -> {
                    try {
                        String group = m.getStringProperty("JMSXGroupID");
                        AtomicInteger inGroup = busy.computeIfAbsent(group, g -> new AtomicInteger());
                        if (inGroup.incrementAndGet() > 1) {
                            overlapped.set(true);
                        }
                        synchronized (deliveries) {
                            deliveries.add(new Delivery(consumer, group, m.getIntProperty("seq")));
                        }
                        Thread.sleep(10); // a little work, so that the other consumer has a chance to step in
                        inGroup.decrementAndGet();
                        all.countDown();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
            c.start();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = s.createProducer(q);
            for (int seq = 0; seq < PER_GROUP; seq++) {
                for (int g = 0; g < GROUPS; g++) {
                    Message m = s.createTextMessage("g" + g + "-" + seq);
                    m.setStringProperty("JMSXGroupID", "g" + g);
                    m.setIntProperty("seq", seq);
                    p.send(m);
                }
            }
            assertThat(all.await(30, TimeUnit.SECONDS)).as("all %d delivered", GROUPS * PER_GROUP).isTrue();
        }

        Map<String, List<Integer>> order = new LinkedHashMap<>();
        Map<String, Set<Integer>> consumers = new LinkedHashMap<>();
        synchronized (deliveries) {
            for (Delivery d : deliveries) {
                order.computeIfAbsent(d.group(), g -> new ArrayList<>()).add(d.seq());
                consumers.computeIfAbsent(d.group(), g -> new TreeSet<>()).add(d.consumer());
            }
        }
        List<Integer> inOrder = IntStream.range(0, PER_GROUP).boxed().toList();
        assertThat(order).hasSize(GROUPS);
        order.forEach((group, seqs) -> assertThat(seqs).as("group %s, each once, in order", group)
                .isEqualTo(inOrder));
        assertThat(overlapped).as("two consumers never process one group at the same time").isFalse();
        if (target.semantics().groupsStickToConsumer()) {
            consumers.forEach((group, who) -> assertThat(who).as("consumers of group %s", group).hasSize(1));
        } else {
            Matrix.differs(target, "a group is delivered in order and one message at a time (FIFO queue, "
                    + "MessageGroupId), but is not pinned to a consumer: once its delivered messages are "
                    + "acknowledged the next may go to another consumer; the queue name must end in .fifo");
        }
    }
}
