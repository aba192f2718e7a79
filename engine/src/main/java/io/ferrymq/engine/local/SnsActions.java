package io.ferrymq.engine.local;

import io.ferrymq.engine.EngineException;
import io.ferrymq.engine.ErrorCode;
import io.ferrymq.engine.sns.CreateTopicRequest;
import io.ferrymq.engine.sns.ListSubscriptionsResult;
import io.ferrymq.engine.sns.ListTopicsResult;
import io.ferrymq.engine.sns.PublishBatchRequest;
import io.ferrymq.engine.sns.PublishBatchRequestEntry;
import io.ferrymq.engine.sns.PublishBatchResultEntry;
import io.ferrymq.engine.sns.PublishRequest;
import io.ferrymq.engine.sns.PublishResult;
import io.ferrymq.engine.sns.SubscribeRequest;
import io.ferrymq.engine.sns.Subscription;
import io.ferrymq.engine.sqs.BatchResult;
import io.ferrymq.engine.sqs.SendMessageBatchRequestEntry;
import io.ferrymq.engine.local.storage.Storage;
import io.ferrymq.engine.time.TimeSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SNS actions of the embedded engine: topics, their SQS subscriptions, and publishing. Topics live in a concurrent
 * map; each holds its subscriptions in an immutable router, so a publish to a standard topic takes no lock of the
 * topic's and a FIFO topic orders its publishes under its own lock. Delivery goes to the queues through
 * {@link SqsActions}, one batch per subscription.
 */
final class SnsActions {
    private static final int PAGE = 100;
    private static final int MAX_TAGS = 50;
    private static final int MAX_RAW_ATTRIBUTES = 10;
    private static final Set<String> OTHER_PROTOCOLS = Set.of("http", "https", "email", "email-json", "sms",
            "application", "lambda", "firehose");

    private final ResourceNames names;
    private final TimeSource time;
    private final SqsActions sqs;
    private final ConcurrentHashMap<String, LocalTopic> topics = new ConcurrentHashMap<>();

    private final Storage storage;
    /** The storage record of each subscription, by ARN. */
    private final ConcurrentHashMap<String, Long> subscriptionRecords = new ConcurrentHashMap<>();

    SnsActions(ResourceNames names, TimeSource time, SqsActions sqs, Storage storage) {
        this.names = names;
        this.time = time;
        this.sqs = sqs;
        this.storage = storage;
    }

    // ---- topics ----

    CompletableFuture<String> createTopic(CreateTopicRequest request) {
        return Futures.durably(acks -> {
            String name = request.name();
            boolean fifo = "true".equalsIgnoreCase(request.attributes().get("FifoTopic"));
            if (fifo && !ResourceNames.isValidTopicName(name, true)) {
                throw SnsErrors.invalidParameter("Fifo Topic names must end with .fifo and must be made up of only"
                        + " uppercase and lowercase ASCII letters, numbers, underscores, and hyphens, and must be"
                        + " between 1 and 256 characters long.");
            }
            if (!fifo && !ResourceNames.isValidTopicName(name, false)) {
                throw SnsErrors.invalidParameter("Topic Name");
            }
            TopicSettings settings = TopicSettings.defaults(fifo);
            for (Map.Entry<String, String> a : request.attributes().entrySet()) {
                settings = settings.with(a.getKey(), a.getValue(), true);
            }
            checkTags(request.tags());
            TopicSettings wanted = settings;
            LocalTopic topic = topics.compute(name, (n, existing) -> {
                if (existing == null) {
                    LocalTopic created = new LocalTopic(n, names.topicArn(n), storage.newRecordId(), wanted,
                            request.tags(), time.millis(), storage);
                    acks.add(created.journalDefinition(storage.batch(), true));
                    return created;
                }
                if (!request.tags().isEmpty() && !existing.tags().equals(new TreeMap<>(request.tags()))) {
                    throw SnsErrors.invalidParameter("Tags Reason: Topic already exists with different tags");
                }
                if (existing.fifo != fifo || !sameAsGiven(existing.settings(), wanted, request.attributes())) {
                    throw SnsErrors.invalidParameter("Attributes Reason: Topic already exists with different"
                            + " attributes");
                }
                return existing;
            });
            return topic.arn;
        });
    }

    /** CreateTopic on an existing topic compares only the attributes the request gives (normalized). */
    private static boolean sameAsGiven(TopicSettings existing, TopicSettings wanted, Map<String, String> given) {
        for (String name : given.keySet()) {
            if (!java.util.Objects.equals(existing.values().get(name), wanted.values().get(name))) {
                return false;
            }
        }
        return true;
    }

    CompletableFuture<Void> deleteTopic(String topicArn) {
        return Futures.durably(acks -> {
            String name = topicName(topicArn, "TopicArn");
            LocalTopic removed = topics.remove(name); // its subscriptions live in it and go with it
            if (removed != null) {
                Storage.Batch batch = storage.batch();
                removed.router().all().forEach(sub -> forgetSubscription(batch, sub.arn()));
                acks.add(removed.forgetAll(batch));
            }
            return null;
        });
    }

    CompletableFuture<ListTopicsResult> listTopics(String nextToken) {
        return Futures.call(() -> {
            List<String> arns = topics.values().stream().map(t -> t.arn).sorted().toList();
            int from = offset(nextToken);
            int to = Math.min(arns.size(), from + PAGE);
            return new ListTopicsResult(arns.subList(Math.min(from, to), to), to < arns.size() ? token(to) : null);
        });
    }

    CompletableFuture<Map<String, String>> getTopicAttributes(String topicArn) {
        return Futures.call(() -> {
            LocalTopic t = topic(topicArn);
            Map<String, String> out = new TreeMap<>(t.settings().values());
            out.putAll(t.computedAttributes(time.millis()));
            out.put("TopicArn", t.arn);
            out.put("Owner", names.accountId());
            out.putIfAbsent("Policy", defaultPolicy(t.arn));
            out.put("EffectiveDeliveryPolicy", EFFECTIVE_DELIVERY_POLICY);
            return out;
        });
    }

    CompletableFuture<Void> setTopicAttributes(String topicArn, String attributeName, String attributeValue) {
        return Futures.durably(acks -> {
            LocalTopic t = topic(topicArn);
            if (attributeName == null) {
                throw SnsErrors.invalidParameter("AttributeName");
            }
            acks.add(t.changeSettings(s -> s.with(attributeName, attributeValue, false), time.millis()));
            return null;
        });
    }

    // ---- subscriptions ----

    CompletableFuture<String> subscribe(SubscribeRequest request) {
        return Futures.durably(acks -> {
            LocalTopic t = topic(request.topicArn());
            String protocol = request.protocol();
            if (!"sqs".equals(protocol)) {
                throw OTHER_PROTOCOLS.contains(protocol)
                        ? SnsErrors.invalidParameter("Protocol Reason: FerryMQ's engine delivers to sqs endpoints"
                                + " only")
                        : SnsErrors.invalidParameter("Amazon SNS does not support this protocol string: " + protocol);
            }
            String endpoint = request.endpoint();
            if (!ResourceNames.looksLikeQueueArn(endpoint)) {
                throw SnsErrors.invalidParameter("SQS endpoint ARN");
            }
            boolean fifoQueue = endpoint.endsWith(".fifo");
            if (fifoQueue && !t.fifo) {
                throw SnsErrors.invalidParameter("Invalid parameter: Endpoint Reason: FIFO SQS Queues can not be"
                        + " subscribed to standard SNS topics");
            }
            LocalSubscription wanted = LocalSubscription.create(t.arn + ":" + UUID.randomUUID(), t.arn, endpoint,
                    names.accountId(), request.attributes(), t.fifo);
            return t.locked(() -> {
                for (LocalSubscription s : t.router().all()) {
                    if (s.endpoint().equals(endpoint)) {
                        if (!request.attributes().isEmpty() && !s.settable().equals(wanted.settable())) {
                            throw SnsErrors.invalidParameter(LocalSubscription.AT_SUBSCRIBE + "Subscription already"
                                    + " exists with different attributes");
                        }
                        return s.arn();
                    }
                }
                t.changeRouter(r -> r.with(wanted), false);
                subscriptionRecords.put(wanted.arn(), storage.newRecordId());
                acks.add(journalSubscription(wanted, true));
                replayIfAsked(t, wanted, acks);
                return wanted.arn();
            });
        });
    }

    CompletableFuture<Void> unsubscribe(String subscriptionArn) {
        return Futures.durably(acks -> {
            LocalTopic t = topicOfSubscription(subscriptionArn);
            if (t != null) {
                t.locked(() -> {
                    if (t.router().get(subscriptionArn) != null) {
                        t.changeRouter(r -> r.without(subscriptionArn), true);
                        Storage.Batch batch = storage.batch();
                        forgetSubscription(batch, subscriptionArn);
                        acks.add(batch.isEmpty() ? Effects.DONE : batch.commit());
                    }
                    return null;
                });
            }
            return null;
        });
    }

    CompletableFuture<ListSubscriptionsResult> listSubscriptions(String nextToken) {
        return Futures.call(() -> {
            List<Subscription> all = new ArrayList<>();
            topics.values().stream().sorted((a, b) -> a.arn.compareTo(b.arn))
                    .forEach(t -> t.router().all().forEach(s -> all.add(entry(s))));
            return page(all, nextToken);
        });
    }

    CompletableFuture<ListSubscriptionsResult> listSubscriptionsByTopic(String topicArn, String nextToken) {
        return Futures.call(() -> page(topic(topicArn).router().all().stream().map(SnsActions::entry).toList(),
                nextToken));
    }

    CompletableFuture<Map<String, String>> getSubscriptionAttributes(String subscriptionArn) {
        return Futures.call(() -> subscription(subscriptionArn).attributes());
    }

    CompletableFuture<Void> setSubscriptionAttributes(String subscriptionArn, String name, String value) {
        return Futures.durably(acks -> {
            LocalTopic t = topicOfSubscription(subscriptionArn);
            subscription(subscriptionArn);
            t.locked(() -> {
                LocalSubscription current = t.router().get(subscriptionArn);
                if (current == null) {
                    throw SnsErrors.subscriptionNotFound();
                }
                LocalSubscription next = current.with(name, value, t.fifo);
                t.changeRouter(r -> r.with(next), false);
                acks.add(journalSubscription(next, false));
                if (name.equals("ReplayPolicy")) {
                    replayIfAsked(t, next, acks);
                }
                return null;
            });
            return null;
        });
    }

    // ---- publishing ----

    CompletableFuture<PublishResult> publish(PublishRequest request) {
        return Futures.durably(acks -> {
            LocalTopic t = topic(request.topicArn());
            return publish(t, List.of(request.toEntry("single")), acks).get(0);
        });
    }

    CompletableFuture<BatchResult<PublishBatchResultEntry>> publishBatch(PublishBatchRequest request) {
        return Futures.durably(acks -> {
            LocalTopic t = topic(request.topicArn());
            List<PublishBatchRequestEntry> entries = request.entries();
            BatchRules.SNS.check(entries.stream().map(PublishBatchRequestEntry::id).toList(),
                    "PublishBatchRequestEntry");
            int total = 0;
            for (PublishBatchRequestEntry e : entries) {
                total += e.message() == null ? 0 : e.message().getBytes(StandardCharsets.UTF_8).length;
            }
            if (total > PublishValidation.MAX_MESSAGE_BYTES) {
                throw new EngineException(BatchRules.SNS.tooLong,
                        "The length of all the messages put together is more than the limit.");
            }
            List<PublishResult> results = publish(t, entries, acks);
            List<PublishBatchResultEntry> successful = new ArrayList<>(results.size());
            for (int i = 0; i < results.size(); i++) {
                successful.add(new PublishBatchResultEntry(entries.get(i).id(), results.get(i).messageId(),
                        results.get(i).sequenceNumber()));
            }
            return new BatchResult<>(successful, List.of());
        });
    }

    /**
     * Validates every entry first (SNS refuses the whole request for one bad entry), then delivers: a standard topic
     * with the router of this moment, a FIFO topic in order under its lock.
     */
    private List<PublishResult> publish(LocalTopic t, List<PublishBatchRequestEntry> entries, Acks acks) {
        long now = time.millis();
        List<PublishedMessage> batch = new ArrayList<>(entries.size());
        for (PublishBatchRequestEntry e : entries) {
            batch.add(PublishValidation.prepare(t, e, now));
        }
        SharedBatch tx = new SharedBatch(storage); // the publish is one journal transaction: all copies or none
        if (t.fifo) {
            return t.publishInOrder(batch, now, tx, accepted -> {
                deliver(t.router(), accepted, acks, tx);
                acks.add(tx.commit());
            });
        }
        deliver(t.router(), batch, acks, tx);
        acks.add(tx.commit());
        return batch.stream().map(m -> new PublishResult(m.messageId(), null)).toList();
    }

    private void deliver(SubscriptionRouter router, List<PublishedMessage> batch, Acks acks, SharedBatch tx) {
        if (batch.isEmpty() || router.size() == 0) {
            return;
        }
        Map<LocalSubscription, List<PublishedMessage>> bySubscription = new LinkedHashMap<>();
        for (PublishedMessage m : batch) {
            for (LocalSubscription s : router.matching(m)) {
                bySubscription.computeIfAbsent(s, k -> new ArrayList<>(batch.size())).add(m);
            }
        }
        Map<PublishedMessage, SnsEnvelope.Parts> envelopes = new IdentityHashMap<>();
        bySubscription.forEach((s, messages) -> deliverTo(s, messages, envelopes, acks, tx));
    }

    /**
     * One subscription's share of a publish, as one send batch to its queue. What the queue refuses (it was deleted,
     * or the message breaks its limits) goes to the subscription's dead-letter queue if it has one.
     */
    private void deliverTo(LocalSubscription s, List<PublishedMessage> messages,
                           Map<PublishedMessage, SnsEnvelope.Parts> envelopes, Acks acks, SharedBatch tx) {
        // In memory there is nothing to make atomic; each queue then stores (and shows) its copy at once.
        SharedBatch publish = storage.isDurable() ? tx : null;
        boolean fifoQueue = s.endpoint().endsWith(".fifo");
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>(messages.size());
        for (PublishedMessage m : messages) {
            if (s.raw() && m.attributes().size() > MAX_RAW_ATTRIBUTES) {
                continue; // SNS discards a raw delivery SQS could not carry
            }
            String body = s.raw() ? m.sqsMessage() : envelopes.computeIfAbsent(m,
                    k -> new SnsEnvelope.Parts(k, names.endpoint())).forSubscription(s.arn());
            entries.add(new SendMessageBatchRequestEntry(m.messageId(), body, null,
                    s.raw() ? m.attributes() : Map.of(), Map.of(), fifoQueue ? m.deduplicationId() : null,
                    m.groupId()));
        }
        List<SendMessageBatchRequestEntry> refused = sqs.acceptFromTopic(s.endpoint(), entries, acks, publish);
        if (!refused.isEmpty() && s.deadLetterArn() != null) {
            sqs.acceptFromTopic(s.deadLetterArn(), refused, acks, publish);
        }
    }

    /** A subscription with a ReplayPolicy receives the archived messages it covers, before any later publish. */
    private void replayIfAsked(LocalTopic t, LocalSubscription s, Acks acks) {
        if (s.replayPolicy() == null) {
            return;
        }
        t.replay(s.replayPolicy(), time.millis(), archived -> {
            List<PublishedMessage> matching = archived.stream().filter(m -> SubscriptionRouter.matches(s, m)).toList();
            if (!matching.isEmpty()) {
                deliverTo(s, matching, new IdentityHashMap<>(), acks, null);
            }
        });
        LocalSubscription replayed = s.withReplayStatus("Completed");
        t.changeRouter(r -> r.with(replayed), false);
        acks.add(journalSubscription(replayed, false));
    }

    // ---- tags ----

    CompletableFuture<Void> tagResource(String resourceArn, Map<String, String> tags) {
        return Futures.durably(acks -> {
            LocalTopic t = taggable(resourceArn);
            checkTags(tags);
            acks.add(t.changeTags(tags, List.of(), MAX_TAGS));
            return null;
        });
    }

    CompletableFuture<Void> untagResource(String resourceArn, List<String> tagKeys) {
        return Futures.durably(acks -> {
            acks.add(taggable(resourceArn).changeTags(Map.of(), tagKeys, MAX_TAGS));
            return null;
        });
    }

    CompletableFuture<Map<String, String>> listTagsForResource(String resourceArn) {
        return Futures.call(() -> taggable(resourceArn).tags());
    }

    private LocalTopic taggable(String resourceArn) {
        String name = names.topicNameFromArn(resourceArn);
        LocalTopic t = name == null ? null : topics.get(name);
        if (t == null) {
            throw new EngineException(ErrorCode.SNS_RESOURCE_NOT_FOUND, "Resource does not exist");
        }
        return t;
    }

    private static void checkTags(Map<String, String> tags) {
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            if (tag.getKey() == null || tag.getKey().isEmpty() || tag.getKey().length() > 128) {
                throw SnsErrors.invalidParameter("Tags Reason: Tag keys must be between 1 and 128 characters");
            }
            if (tag.getValue() == null || tag.getValue().length() > 256) {
                throw SnsErrors.invalidParameter("Tags Reason: Tag values must be at most 256 characters");
            }
        }
        if (tags.size() > MAX_TAGS) {
            throw new EngineException(ErrorCode.SNS_TAG_LIMIT_EXCEEDED,
                    "Could not complete request: tag quota of per resource exceeded");
        }
    }

    // ---- storage ----

    /** Writes a subscription's record, as it is created ({@code first}) or after a change; completes when durable. */
    private CompletableFuture<Void> journalSubscription(LocalSubscription s, boolean first) {
        if (!storage.isDurable()) {
            return Effects.DONE;
        }
        Storage.Batch batch = storage.batch();
        byte[] data = Records.subscription(new Records.SubscriptionRecord(s.arn(), s.topicArn(), s.endpoint(),
                s.owner(), s.settable(), s.replayStatus()));
        long id = subscriptionRecords.get(s.arn());
        if (first) {
            batch.add(id, Records.SUBSCRIPTION, data);
        } else {
            batch.update(id, Records.SUBSCRIPTION, data);
        }
        return batch.commit();
    }

    private void forgetSubscription(Storage.Batch batch, String subscriptionArn) {
        Long id = subscriptionRecords.remove(subscriptionArn);
        if (id != null && storage.isDurable()) {
            batch.delete(id);
        }
    }

    /**
     * Rebuilds topics, their subscriptions, deduplication windows and archives from the records storage found at
     * start; returns how many topics and subscriptions.
     */
    long[] recover(RecoveredState state) {
        for (Map.Entry<Long, Records.TopicRecord> e : state.topics.entrySet()) {
            Records.TopicRecord d = e.getValue();
            TopicSettings settings = TopicSettings.defaults(d.fifo());
            for (Map.Entry<String, String> a : d.settings().entrySet()) {
                settings = settings.with(a.getKey(), a.getValue(), true);
            }
            LocalTopic t = new LocalTopic(d.name(), names.topicArn(d.name()), e.getKey(), settings, d.tags(),
                    d.beginningArchiveTime(), storage);
            t.restore(state.windows.getOrDefault(e.getKey(), List.of()),
                    state.archives.getOrDefault(e.getKey(), List.of()), d.beginningArchiveTime());
            topics.put(d.name(), t);
        }
        long restored = 0;
        for (Map.Entry<Long, Records.SubscriptionRecord> e : state.subscriptions.entrySet()) {
            Records.SubscriptionRecord d = e.getValue();
            LocalTopic t = topics.get(names.topicNameFromArn(d.topicArn()));
            if (t == null) {
                continue;
            }
            LocalSubscription s = LocalSubscription.create(d.arn(), d.topicArn(), d.endpoint(), d.owner(),
                    d.settable(), t.fifo).withReplayStatus(d.replayStatus());
            t.changeRouter(r -> r.with(s), false);
            subscriptionRecords.put(s.arn(), e.getKey());
            restored++;
        }
        return new long[] {state.topics.size(), restored};
    }

    // ---- internals ----

    private LocalTopic topic(String topicArn) {
        LocalTopic t = topics.get(topicName(topicArn, "TopicArn"));
        if (t == null) {
            throw SnsErrors.topicNotFound();
        }
        return t;
    }

    /** The topic name of an ARN, with SNS's errors for one that is malformed or not this region's and account's. */
    private String topicName(String arn, String parameter) {
        checkArnShape(arn, parameter);
        String name = names.topicNameFromArn(arn);
        if (name == null) {
            throw SnsErrors.invalidParameter(parameter);
        }
        return name;
    }

    private static void checkArnShape(String arn, String parameter) {
        int parts = arn == null ? 1 : arn.split(":", -1).length;
        if (parts < 6) {
            throw SnsErrors.invalidParameter(parameter + " Reason: An ARN must have at least 6 elements, not "
                    + parts);
        }
    }

    private LocalTopic topicOfSubscription(String subscriptionArn) {
        checkArnShape(subscriptionArn, "SubscriptionArn");
        String topicArn = names.topicArnOfSubscription(subscriptionArn);
        if (topicArn == null) {
            throw SnsErrors.invalidParameter("SubscriptionId");
        }
        return topics.get(names.topicNameFromArn(topicArn));
    }

    private LocalSubscription subscription(String subscriptionArn) {
        LocalTopic t = topicOfSubscription(subscriptionArn);
        LocalSubscription s = t == null ? null : t.router().get(subscriptionArn);
        if (s == null) {
            throw SnsErrors.subscriptionNotFound();
        }
        return s;
    }

    private static Subscription entry(LocalSubscription s) {
        return new Subscription(s.arn(), s.owner(), "sqs", s.endpoint(), s.topicArn());
    }

    private static ListSubscriptionsResult page(List<Subscription> all, String nextToken) {
        int from = offset(nextToken);
        int to = Math.min(all.size(), from + PAGE);
        return new ListSubscriptionsResult(all.subList(Math.min(from, to), to), to < all.size() ? token(to) : null);
    }

    private static String token(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Integer.toString(offset)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String token) {
        if (token == null) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(new String(Base64.getUrlDecoder().decode(token),
                    StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            throw SnsErrors.invalidParameter("NextToken");
        }
    }

    private String defaultPolicy(String topicArn) {
        return "{\"Version\":\"2008-10-17\",\"Id\":\"__default_policy_ID\",\"Statement\":[{\"Sid\":"
                + "\"__default_statement_ID\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":["
                + "\"SNS:GetTopicAttributes\",\"SNS:SetTopicAttributes\",\"SNS:AddPermission\","
                + "\"SNS:RemovePermission\",\"SNS:DeleteTopic\",\"SNS:Subscribe\",\"SNS:ListSubscriptionsByTopic\","
                + "\"SNS:Publish\"],\"Resource\":\"" + topicArn + "\",\"Condition\":{\"StringEquals\":{"
                + "\"AWS:SourceOwner\":\"" + names.accountId() + "\"}}}]}";
    }

    private static final String EFFECTIVE_DELIVERY_POLICY = "{\"http\":{\"defaultHealthyRetryPolicy\":{"
            + "\"minDelayTarget\":20,\"maxDelayTarget\":20,\"numRetries\":3,\"numMaxDelayRetries\":0,"
            + "\"numNoDelayRetries\":0,\"numMinDelayRetries\":0,\"backoffFunction\":\"linear\"},"
            + "\"disableSubscriptionOverrides\":false,\"defaultRequestPolicy\":{\"headerContentType\":"
            + "\"text/plain; charset=UTF-8\"}}}";
}
