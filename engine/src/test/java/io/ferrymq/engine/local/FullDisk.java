package io.ferrymq.engine.local;

import io.netty.buffer.ByteBuf;
import org.apache.activemq.artemis.core.io.IOCallback;
import org.apache.activemq.artemis.core.io.SequentialFile;
import org.apache.activemq.artemis.core.io.SequentialFileFactory;
import org.apache.activemq.artemis.core.io.buffer.TimedBuffer;
import org.apache.activemq.artemis.core.io.buffer.TimedBufferObserver;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * A journal file layer on a disk that fills up. The journal's records reach a file through its group-commit buffer;
 * each flush of that buffer writes to the disk, and once {@code budget} bytes have been flushed every further flush
 * fails with "No space left on device", the way a real write would: its callbacks are told of the error and the
 * file factory reports an I/O error. Once full, creating or writing a journal file directly fails too.
 */
final class FullDisk implements UnaryOperator<SequentialFileFactory> {
    static final String NO_SPACE = "No space left on device";
    private static final int IO_ERROR = 5; // ActiveMQExceptionType.IO_ERROR
    private static final Set<String> DIRECT_WRITES = Set.of("fill", "writeDirect", "blockingWriteDirect");

    private final AtomicLong left;

    FullDisk(long budget) {
        this.left = new AtomicLong(budget);
    }

    /** True once a write has been refused. */
    boolean isFull() {
        return left.get() < 0;
    }

    @Override
    public SequentialFileFactory apply(SequentialFileFactory files) {
        return proxy(SequentialFileFactory.class, files, (method, args) -> {
            Object result = method.invoke(files, args);
            return result instanceof SequentialFile file ? file(file, files) : result;
        });
    }

    private SequentialFile file(SequentialFile file, SequentialFileFactory files) {
        return proxy(SequentialFile.class, file, (method, args) -> {
            if (isFull() && DIRECT_WRITES.contains(method.getName()) && method.getExceptionTypes().length > 0) {
                throw new IOException(NO_SPACE);
            }
            Object result = method.invoke(file, args);
            if (method.getName().equals("setTimedBuffer") && args[0] instanceof TimedBuffer buffer) {
                buffer.setObserver(new Flusher(file, files)); // instead of the file's own, which writes alike
            }
            return result instanceof SequentialFile clone ? file(clone, files) : result;
        });
    }

    /** Writes what the group-commit buffer holds to the file, until the disk is full. */
    private final class Flusher implements TimedBufferObserver {
        private final SequentialFile file;
        private final SequentialFileFactory files;

        Flusher(SequentialFile file, SequentialFileFactory files) {
            this.file = file;
            this.files = files;
        }

        @Override
        public void flushBuffer(ByteBuf buffer, boolean sync, List<IOCallback> callbacks) {
            int size = buffer.writerIndex();
            if (left.addAndGet(-size) < 0) {
                IOCallback.onError(callbacks, IO_ERROR, NO_SPACE);
                files.onIOError(new IOException(NO_SPACE), NO_SPACE, file);
                return;
            }
            ByteBuffer bytes = files.newBuffer(size);
            buffer.getBytes(0, bytes);
            bytes.flip();
            file.writeDirect(bytes, sync, new IOCallback() {
                @Override
                public void done() {
                    IOCallback.done(callbacks);
                }

                @Override
                public void onError(int code, String message) {
                    IOCallback.onError(callbacks, code, message);
                }
            });
        }

        @Override
        public int getRemainingBytes() {
            try {
                return (int) Math.min(Integer.MAX_VALUE, file.size() - file.position());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private interface Call {
        Object invoke(java.lang.reflect.Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T target, Call call) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, method, args) -> {
            try {
                return method.getDeclaringClass() == Object.class ? method.invoke(target, args)
                        : call.invoke(method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }
}
