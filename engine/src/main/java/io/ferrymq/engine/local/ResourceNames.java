package io.ferrymq.engine.local;

import java.util.regex.Pattern;

/** Queue URLs and ARNs in AWS form for one region and account, and the queue-name rules. */
final class ResourceNames {
    private static final Pattern STANDARD_NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}");
    private static final Pattern FIFO_NAME = Pattern.compile("[A-Za-z0-9_-]{1,75}\\.fifo");

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
        if (arn == null) {
            return null;
        }
        String[] parts = arn.split(":", -1);
        if (parts.length != 6 || !parts[0].equals("arn") || !parts[2].equals("sqs")
                || !parts[3].equals(region) || !parts[4].equals(accountId) || parts[5].isEmpty()) {
            return null;
        }
        return parts[5];
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
