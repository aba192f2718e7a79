package io.ferrymq.bench.sqs;

import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.apache.pekko.pattern.Patterns;
import org.elasticmq.CreateQueueData;
import org.elasticmq.StrictSQSLimits$;
import org.elasticmq.actor.QueueManagerActor;
import org.elasticmq.msg.CreateQueue;
import org.elasticmq.util.NowProvider;
import scala.Option;
import scala.concurrent.Await;
import scala.concurrent.duration.FiniteDuration;
import scala.util.Right;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An ElasticMQ node embedded in this JVM: a Pekko actor system and ElasticMQ's queue manager actor, in memory, with
 * SQS's strict limits (as ElasticMQ's server runs by default). Both ElasticMQ paths of workload 4 start from it: the
 * actor API directly, or its REST endpoint started on the same actors.
 */
final class ElasticMq implements AutoCloseable {
    static final Duration ASK_TIMEOUT = Duration.ofSeconds(30);

    final ActorSystem system;
    final ActorRef queueManager;

    ElasticMq() {
        // a small dispatcher is Pekko's default (fork-join, parallelism = cores); nothing is tuned for or against it
        system = ActorSystem.create("elasticmq-bench");
        queueManager = system.actorOf(Props.create(QueueManagerActor.class,
                () -> new QueueManagerActor(new NowProvider(), StrictSQSLimits$.MODULE$, Option.empty())));
    }

    /** Creates a standard queue with ElasticMQ's defaults (visibility timeout 30 s) and returns its actor. */
    ActorRef createQueue(String name) throws Exception {
        CreateQueueData data = new CreateQueueData(name, CreateQueueData.apply$default$2(),
                CreateQueueData.apply$default$3(), CreateQueueData.apply$default$4(),
                CreateQueueData.apply$default$5(), CreateQueueData.apply$default$6(),
                CreateQueueData.apply$default$7(), false, false, CreateQueueData.apply$default$10(),
                CreateQueueData.apply$default$11(), CreateQueueData.apply$default$12());
        Object reply = Patterns.ask(queueManager, new CreateQueue(data), ASK_TIMEOUT).toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        if (reply instanceof Right<?, ?> created) {
            return (ActorRef) created.value();
        }
        throw new IllegalStateException("ElasticMQ refused CreateQueue: " + reply);
    }

    @Override
    public void close() {
        system.terminate();
        try {
            Await.ready(system.whenTerminated(), FiniteDuration.create(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException e) {
            throw new IllegalStateException("ElasticMQ's actor system did not stop in 30 s", e);
        }
    }
}
