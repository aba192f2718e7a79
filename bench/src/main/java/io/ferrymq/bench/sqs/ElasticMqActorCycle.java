package io.ferrymq.bench.sqs;

import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.pattern.Patterns;
import org.elasticmq.DefaultVisibilityTimeout$;
import org.elasticmq.DeliveryReceipt;
import org.elasticmq.ImmediateNextDelivery$;
import org.elasticmq.MessageContent;
import org.elasticmq.MessageData;
import org.elasticmq.NewMessageData;
import org.elasticmq.msg.DeleteMessage;
import org.elasticmq.msg.ReceiveMessages;
import org.elasticmq.msg.SendMessage;
import org.elasticmq.rest.sqs.MD5Util$;
import scala.Option;
import scala.collection.immutable.Map$;
import scala.util.Either;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * ElasticMQ through its in-process actor API: the messages its REST layer sends to a queue's actor, without HTTP or
 * JSON. ElasticMQ's queue actor has no batch messages, so a batch is what ElasticMQ's own SendMessageBatch and
 * DeleteMessageBatch handlers do: one ask per entry, all in flight at once, answered when all are. The per-message
 * work its REST layer adds in front of the actor and that an SQS answer needs is done here too, as FerryMQ's engine
 * does it inside: the body's character check (SQS's allowed ranges, strict limits) and the body's MD5 digest on send
 * (SendMessageBatchResultEntry.MD5OfMessageBody) and on receive (Message.MD5OfBody), with ElasticMQ's own MD5Util.
 */
final class ElasticMqActorCycle implements SqsCycle {
    private static final Option<Duration> LONG_POLL = Option.apply(Duration.ofSeconds(1));

    private final ElasticMq node = new ElasticMq();
    private final ActorRef queue;

    ElasticMqActorCycle() throws Exception {
        queue = node.createQueue("bench");
    }

    @Override
    public void sendBatch10() throws Exception {
        CompletableFuture<?>[] sends = new CompletableFuture<?>[10];
        for (int i = 0; i < 10; i++) {
            checkCharacters(BODY);
            MD5Util$.MODULE$.md5Digest(BODY);
            NewMessageData data = new NewMessageData(Option.empty(), new MessageContent(BODY), Map$.MODULE$.empty(),
                    ImmediateNextDelivery$.MODULE$, Option.empty(), Option.empty(), i, Option.empty(),
                    Option.empty(), Option.empty());
            sends[i] = Patterns.ask(queue, new SendMessage(data), ElasticMq.ASK_TIMEOUT).toCompletableFuture();
        }
        CompletableFuture.allOf(sends).get(30, TimeUnit.SECONDS);
    }

    @Override
    public int receive(int max, List<String> receipts) throws Exception {
        Object reply = Patterns.ask(queue, new ReceiveMessages(DefaultVisibilityTimeout$.MODULE$, max, LONG_POLL,
                Option.empty()), ElasticMq.ASK_TIMEOUT).toCompletableFuture().get(30, TimeUnit.SECONDS);
        @SuppressWarnings("unchecked")
        scala.collection.immutable.List<MessageData> got = (scala.collection.immutable.List<MessageData>) reply;
        scala.collection.Iterator<MessageData> it = got.iterator();
        while (it.hasNext()) {
            MessageData m = it.next();
            MD5Util$.MODULE$.md5Digest(m.content().value());
            receipts.add(m.deliveryReceipt().get().receipt());
        }
        return got.size();
    }

    @Override
    public void deleteBatch(List<String> receipts) throws Exception {
        CompletableFuture<?>[] deletes = new CompletableFuture<?>[receipts.size()];
        for (int i = 0; i < deletes.length; i++) {
            deletes[i] = Patterns.ask(queue, new DeleteMessage(new DeliveryReceipt(receipts.get(i))),
                    ElasticMq.ASK_TIMEOUT).toCompletableFuture();
        }
        CompletableFuture.allOf(deletes).get(30, TimeUnit.SECONDS);
        for (CompletableFuture<?> d : deletes) {
            if (((Either<?, ?>) d.join()).isLeft()) {
                throw new IllegalStateException("ElasticMQ refused a delete: " + d.join());
            }
        }
    }

    /** SQS's allowed body characters: #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF. */
    private static void checkCharacters(String body) {
        for (int i = 0; i < body.length(); ) {
            int c = body.codePointAt(i);
            boolean ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                    || (c >= 0x10000 && c <= 0x10FFFF);
            if (!ok) {
                throw new IllegalArgumentException("InvalidMessageContents");
            }
            i += Character.charCount(c);
        }
    }

    @Override
    public void close() {
        node.close();
    }
}
