package io.ferrymq.engine.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferrymq.engine.EngineException;
import io.ferrymq.engine.ErrorCode;
import io.ferrymq.engine.sqs.MessageMoveTask;
import io.ferrymq.engine.local.storage.Storage;
import io.ferrymq.engine.sqs.StartMessageMoveTaskRequest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * StartMessageMoveTask and friends: redrive a dead-letter queue's messages back to where they came from or to a
 * given queue, in steps of at most MaxNumberOfMessagesPerSecond per second (timed by the engine's clock), or as fast
 * as the queues take them when no rate is given.
 */
final class MessageMoveTasks {
    private static final int UNLIMITED_STEP = 100;
    private static final int HISTORY = 10;
    private static final String ARN_FORMAT = "arn:<partition>:<service>:<region>:<account-id>:<resource-id>";

    private final Function<String, LocalQueue> queueByArn;
    private final Predicate<LocalQueue> isDeadLetterQueue;
    private final QueueContext ctx;
    private final Executor executor;
    private final Map<String, Deque<Task>> tasksBySource = new HashMap<>(); // guarded by this
    private volatile boolean closed;

    MessageMoveTasks(Function<String, LocalQueue> queueByArn, Predicate<LocalQueue> isDeadLetterQueue,
                     QueueContext ctx) {
        this.queueByArn = queueByArn;
        this.isDeadLetterQueue = isDeadLetterQueue;
        this.ctx = ctx;
        this.executor = ctx.deliveryExecutor();
    }

    private static final class Task {
        final String id;
        final long recordId;
        final String sourceArn;
        final String destinationArn;
        final Integer rate;
        final long startedAt;
        final long toMove;
        long moved;
        String status = "RUNNING";
        String failureReason;

        Task(String id, long recordId, String sourceArn, String destinationArn, Integer rate, long startedAt,
             long toMove) {
            this.id = id;
            this.recordId = recordId;
            this.sourceArn = sourceArn;
            this.destinationArn = destinationArn;
            this.rate = rate;
            this.startedAt = startedAt;
            this.toMove = toMove;
        }

        String handle() {
            String json = Json.MAPPER.createObjectNode().put("taskId", id).put("sourceArn", sourceArn).toString();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        }

        /** The task as its storage record describes it; the caller holds the task's monitor. */
        byte[] record() {
            return Records.moveTask(new Records.MoveTaskRecord(id, sourceArn, destinationArn, rate == null ? 0 : rate,
                    startedAt, toMove, moved, status, failureReason));
        }

        synchronized MessageMoveTask snapshot() {
            boolean running = status.equals("RUNNING");
            return new MessageMoveTask(running ? handle() : null, status, sourceArn, destinationArn, rate, moved,
                    toMove, failureReason, startedAt);
        }
    }

    String start(StartMessageMoveTaskRequest request, Acks acks) {
        Integer rate = request.maxNumberOfMessagesPerSecond();
        if (rate != null && (rate < 1 || rate > 500)) {
            throw Errors.invalidParameter("Value for parameter MaxNumberOfMessagesPerSecond is invalid. Reason: You"
                    + " must enter a number that's between 1 and 500.");
        }
        LocalQueue source = existing(request.sourceArn(), "SourceArn");
        if (!isDeadLetterQueue.test(source)) {
            throw Errors.invalidParameter("Source queue must be configured as a Dead Letter Queue.");
        }
        if (request.destinationArn() != null) {
            LocalQueue destination = existing(request.destinationArn(), "DestinationArn");
            if (destination == source) {
                throw Errors.invalidParameter("Source queue arn and destination queue arn cannot be the same.");
            }
            if (destination.isFifo() != source.isFifo()) {
                throw Errors.invalidParameter("The source queue and destination queue must be of the same queue type.");
            }
        }
        Task task;
        synchronized (this) {
            Deque<Task> history = tasksBySource.computeIfAbsent(source.arn, k -> new ArrayDeque<>());
            Task latest = history.peekFirst();
            if (latest != null && latest.snapshot().status().equals("RUNNING")) {
                throw Errors.invalidParameter("There is already a task running. Only one active task is allowed for"
                        + " a source queue arn at a given time.");
            }
            task = new Task(UUID.randomUUID().toString(), ctx.storage().newRecordId(), source.arn,
                    request.destinationArn(), rate, ctx.time().millis(), source.visibleMessages());
            history.addFirst(task);
            Storage.Batch batch = ctx.storage().batch();
            if (ctx.storage().isDurable()) {
                batch.add(task.recordId, Records.MOVE_TASK, task.record());
            }
            while (history.size() > HISTORY) {
                Task forgotten = history.removeLast();
                if (ctx.storage().isDurable()) {
                    batch.delete(forgotten.recordId);
                }
            }
            acks.add(batch.isEmpty() ? Effects.DONE : batch.commit());
        }
        executor.execute(() -> step(task));
        return task.handle();
    }

    long cancel(String taskHandle, Acks acks) {
        String taskId;
        String sourceArn;
        try {
            JsonNode node = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(taskHandle));
            taskId = node.get("taskId").asText();
            sourceArn = node.get("sourceArn").asText();
        } catch (Exception e) {
            throw Errors.invalidParameter("Value for parameter TaskHandle is invalid.");
        }
        existing(sourceArn, "SourceArn");
        Task task = find(sourceArn, taskId);
        if (task == null) {
            throw new EngineException(ErrorCode.RESOURCE_NOT_FOUND, "Task does not exist.");
        }
        synchronized (task) { // waits for a step in progress, so the count returned is final
            if (!task.status.equals("RUNNING")) {
                throw new EngineException(ErrorCode.RESOURCE_NOT_FOUND, "Task does not exist.");
            }
            task.status = "CANCELLED";
            acks.add(journal(task));
            return task.moved;
        }
    }

    List<MessageMoveTask> list(String sourceArn, Integer maxResults) {
        if (maxResults != null && (maxResults < 1 || maxResults > 10)) {
            throw Errors.invalidParameter("Value for parameter MaxResults is invalid. Reason: You must enter a number"
                    + " that's between 1 and 10.");
        }
        LocalQueue source = existing(sourceArn, "SourceArn");
        List<Task> tasks;
        synchronized (this) {
            tasks = new ArrayList<>(tasksBySource.getOrDefault(source.arn, new ArrayDeque<>()));
        }
        return tasks.stream().limit(maxResults == null ? 1 : maxResults).map(Task::snapshot).toList();
    }

    void close() {
        closed = true;
    }

    private synchronized Task find(String sourceArn, String taskId) {
        for (Task t : tasksBySource.getOrDefault(sourceArn, new ArrayDeque<>())) {
            if (t.id.equals(taskId)) {
                return t;
            }
        }
        return null;
    }

    private LocalQueue existing(String arn, String parameter) {
        if (!ResourceNames.looksLikeArn(arn)) {
            throw Errors.invalidParameter("You must use this format to specify the " + parameter + ": " + ARN_FORMAT);
        }
        LocalQueue q = queueByArn.apply(arn);
        if (q == null) {
            throw new EngineException(ErrorCode.RESOURCE_NOT_FOUND,
                    "The resource that you specified for the " + parameter + " parameter doesn't exist.");
        }
        return q;
    }

    /** Moves one step's worth of messages, then schedules the next step. */
    private void step(Task task) {
        boolean more;
        synchronized (task) {
            if (!task.status.equals("RUNNING")) {
                return;
            }
            if (closed) {
                task.status = "CANCELLED";
                return;
            }
            more = moveSome(task);
            journal(task).join(); // progress is durable before the next step: a restart resumes from here
        }
        if (!more) {
            return;
        }
        if (task.rate == null) {
            executor.execute(() -> step(task));
        } else {
            ctx.time().schedule(ctx.time().millis() + 1000, () -> executor.execute(() -> step(task)));
        }
    }

    /** Moves up to one step of messages; false once the task has ended. Called holding the task's monitor. */
    private boolean moveSome(Task task) {
        LocalQueue source = queueByArn.apply(task.sourceArn);
        long remaining = task.toMove - task.moved;
        if (source == null) {
            return fail(task, ErrorCode.QUEUE_DOES_NOT_EXIST.queryCode());
        }
        if (remaining <= 0) {
            task.status = "COMPLETED";
            return false;
        }
        int max = (int) Math.min(remaining, task.rate == null ? UNLIMITED_STEP : task.rate);
        List<StoredMessage> batch = source.takeForMove(max);
        if (batch.isEmpty()) {
            task.status = "COMPLETED";
            return false;
        }
        Map<String, List<StoredMessage>> byDestination = new LinkedHashMap<>();
        List<StoredMessage> homeless = new ArrayList<>();
        for (StoredMessage m : batch) {
            String destination = task.destinationArn != null ? task.destinationArn : m.deadLetterSourceArn;
            if (destination == null) {
                homeless.add(m);
            } else {
                byDestination.computeIfAbsent(destination, k -> new ArrayList<>()).add(m);
            }
        }
        String failure = homeless.isEmpty() ? null : "CouldNotDetermineMessageSource";
        for (Map.Entry<String, List<StoredMessage>> e : byDestination.entrySet()) {
            LocalQueue destination = queueByArn.apply(e.getKey());
            try {
                if (destination == null) {
                    throw Errors.queueDoesNotExist();
                }
                destination.acceptMoved(e.getValue()).join(); // durable there before the source forgets them
                source.forgetRecords(e.getValue()).join();
                task.moved += e.getValue().size();
            } catch (EngineException ex) {
                failure = ErrorCode.QUEUE_DOES_NOT_EXIST.queryCode();
                homeless.addAll(e.getValue());
            }
        }
        if (failure != null) {
            source.putBack(homeless).join();
            source.forgetRecords(homeless).join();
            return fail(task, failure);
        }
        if (task.moved >= task.toMove) { // done now, not one (rate-limited: one second) step later
            task.status = "COMPLETED";
            return false;
        }
        return true;
    }

    /** Writes the task's current state; called holding its monitor. */
    private CompletableFuture<Void> journal(Task task) {
        if (!ctx.storage().isDurable()) {
            return Effects.DONE;
        }
        Storage.Batch batch = ctx.storage().batch();
        batch.update(task.recordId, Records.MOVE_TASK, task.record());
        return batch.commit();
    }

    /** Puts back the tasks read from storage at start (newest first per source) and resumes those still running. */
    void restore(List<RecoveredState.Stored<Records.MoveTaskRecord>> tasks) {
        List<Task> running = new ArrayList<>();
        synchronized (this) {
            for (RecoveredState.Stored<Records.MoveTaskRecord> stored : tasks) {
                Records.MoveTaskRecord r = stored.value();
                Task t = new Task(r.id(), stored.recordId(), r.sourceArn(), r.destinationArn(),
                        r.rate() == 0 ? null : r.rate(), r.startedAt(), r.toMove());
                t.moved = r.moved();
                t.status = r.status();
                t.failureReason = r.failureReason();
                tasksBySource.computeIfAbsent(t.sourceArn, k -> new ArrayDeque<>()).addFirst(t);
                if (t.status.equals("RUNNING")) {
                    running.add(t);
                }
            }
        }
        running.forEach(t -> executor.execute(() -> step(t)));
    }

    private static boolean fail(Task task, String reason) {
        task.status = "FAILED";
        task.failureReason = reason;
        return false;
    }
}
