package io.ferrymq.bench.sqs;

import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * ElasticMQ through its REST endpoint on loopback (127.0.0.1, a free port), called with the AWS SDK v2 SQS client
 * (synchronous, Apache HTTP client with a pool larger than the benchmark's threads, keep-alive): what an application
 * pays to use ElasticMQ in its own JVM as SQS, that is HTTP, the SDK's JSON protocol, SigV4 signing and its MD5
 * checks of bodies, on both sides of the socket, on the same cores.
 */
final class ElasticMqRestCycle implements SqsCycle {
    private final ElasticMq node = new ElasticMq();
    private final SQSRestServer server;
    private final SqsClient sqs;
    private final String url;
    private final SendMessageBatchRequest send;

    ElasticMqRestCycle() {
        server = SQSRestServerBuilder.withActorSystem(node.system).withQueueManagerActor(node.queueManager)
                .withInterface("127.0.0.1").withDynamicPort().start();
        int port = server.waitUntilStarted().localAddress().getPort();
        sqs = SqsClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + port))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
                .httpClient(ApacheHttpClient.builder().maxConnections(16).build())
                .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(30)))
                .build();
        url = sqs.createQueue(b -> b.queueName("bench")).queueUrl();
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i)).messageBody(BODY).build());
        }
        send = SendMessageBatchRequest.builder().queueUrl(url).entries(entries).build();
    }

    @Override
    public void sendBatch10() {
        SendMessageBatchResponse r = sqs.sendMessageBatch(send);
        if (!r.failed().isEmpty()) {
            throw new IllegalStateException("SendMessageBatch failed: " + r.failed());
        }
    }

    @Override
    public int receive(int max, List<String> receipts) {
        List<Message> got = sqs.receiveMessage(ReceiveMessageRequest.builder().queueUrl(url).maxNumberOfMessages(max)
                .waitTimeSeconds(1).build()).messages();
        for (Message m : got) {
            receipts.add(m.receiptHandle());
        }
        return got.size();
    }

    @Override
    public void deleteBatch(List<String> receipts) {
        List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>(receipts.size());
        for (int i = 0; i < receipts.size(); i++) {
            entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i))
                    .receiptHandle(receipts.get(i)).build());
        }
        DeleteMessageBatchResponse r = sqs.deleteMessageBatch(b -> b.queueUrl(url).entries(entries));
        if (!r.failed().isEmpty()) {
            throw new IllegalStateException("DeleteMessageBatch failed: " + r.failed());
        }
    }

    @Override
    public void close() {
        sqs.close();
        server.stopAndWait();
        node.close();
    }
}
