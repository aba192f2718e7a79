package io.ferrymq.bench.jms;

/**
 * The message every JMS workload sends: a TextMessage of 1 KiB of printable ASCII, the body kind most JMS
 * applications send (JSON, XML). FerryMQ carries such text as the SQS body as it is; a BytesMessage would be
 * base64-encoded (a third larger), which these workloads leave out.
 */
final class Payload {
    static final int SIZE = 1024;
    static final String TEXT_1KIB = text(SIZE);

    private Payload() {
    }

    private static String text(int size) {
        StringBuilder b = new StringBuilder(size);
        for (int i = 0; i < size; i++) {
            b.append((char) ('!' + (i * 31 % 94))); // '!'..'~', not one repeated character
        }
        return b.toString();
    }
}
