package io.ferrymq.engine.local;

import java.util.regex.Pattern;

/** Queue URLs, queue and topic ARNs in AWS form for one region and account, and the naming rules. */
final class ResourceNames {
    private static final Pattern STANDARD_NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}");
    private static final Pattern FIFO_NAME = Pattern.compile("[A-Za-z0-9_-]{1,75}\\.fifo");
    private static final Pattern TOPIC_NAME = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    private static final Pattern FIFO_TOPIC_NAME = Pattern.compile("[A-Za-z0-9_-]{1,251}\\.fifo");

    private final String endpoint;
    private final String region;
    private final String accountId;

    ResourceNames(String endpoint, String region, String accountId) {
        this.endpoint = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
        this.region = region;
        this.accountId = accountId;
    }

    String accountId() {
        return accountId;
    }

    String region() {
        return region;
    }

    String queueUrl(String name) {
        return endpoint + "/" + accountId + "/" + name;
    }

    String queueArn(String name) {
        return "arn:aws:sqs:" + region + ":" + accountId + ":" + name;
    }

    String topicArn(String name) {
        return "arn:aws:sns:" + region + ":" + accountId + ":" + name;
    }

    /** The topic name an SNS topic ARN names, or null when it is not one of this region's and account's. */
    String topicNameFromArn(String arn) {
        return nameFromArn(arn, "sns", 6);
    }

    /** The ARN of the topic a subscription ARN (topic ARN + ":" + id) belongs to, or null. */
    String topicArnOfSubscription(String subscriptionArn) {
        if (nameFromArn(subscriptionArn, "sns", 7) == null) {
            return null;
        }
        return subscriptionArn.substring(0, subscriptionArn.lastIndexOf(':'));
    }

    /** The base of URLs the engine hands out (SNS's SigningCertURL and UnsubscribeURL). */
    String endpoint() {
        return endpoint;
    }

    static boolean isValidTopicName(String name, boolean fifo) {
        return name != null && (fifo ? FIFO_TOPIC_NAME : TOPIC_NAME).matcher(name).matches();
    }

    static boolean isValidStandardName(String name) {
        return name != null && STANDARD_NAME.matcher(name).matches();
    }

    static boolean isValidFifoName(String name) {
        return name != null && FIFO_NAME.matcher(name).matches();
    }

    /** The queue name a URL names, or null when it is not one of this account's queue URLs. */
    String queueNameFromUrl(String url) {
        if (url == null) {
            return null;
        }
        int last = url.lastIndexOf('/');
        if (last <= 0 || last == url.length() - 1) {
            return null;
        }
        int previous = url.lastIndexOf('/', last - 1);
        if (previous < 0 || !url.substring(previous + 1, last).equals(accountId)) {
            return null;
        }
        return url.substring(last + 1);
    }

    /** The queue name an SQS ARN names, or null when it is not one of this region's and account's queue ARNs. */
    String queueNameFromArn(String arn) {
        return nameFromArn(arn, "sqs", 6);
    }

    private String nameFromArn(String arn, String service, int parts) {
        if (arn == null) {
            return null;
        }
        String[] p = arn.split(":", -1);
        if (p.length != parts || !p[0].equals("arn") || !p[2].equals(service) || !p[3].equals(region)
                || !p[4].equals(accountId) || p[5].isEmpty() || p[parts - 1].isEmpty()) {
            return null;
        }
        return p[5];
    }

    /** True when the text has the shape of an ARN: arn:partition:service:region:account:resource. */
    static boolean looksLikeArn(String arn) {
        return arn != null && arn.startsWith("arn:") && arn.split(":", -1).length >= 6;
    }

    /** True when the text has the shape of an SQS queue ARN, whatever region and account it names. */
    static boolean looksLikeQueueArn(String arn) {
        return looksLikeArn(arn) && arn.split(":", -1)[2].equals("sqs");
    }
}
