package io.ferrymq.jms.provider;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses {@code ferry:embedded[?option=value&...]}. Unknown, repeated or malformed options fail at once with a
 * message naming the option, so a typo in a jndi.properties is found at start-up, not in production.
 */
public final class FerryUrl {
    public static final String EMBEDDED = "ferry:embedded";

    private FerryUrl() {
    }

    public static ProviderOptions parse(String url) {
        if (url == null) {
            throw new IllegalArgumentException("A FerryMQ URL is required, e.g. " + EMBEDDED);
        }
        int q = url.indexOf('?');
        String target = q < 0 ? url : url.substring(0, q);
        if (!target.equals(EMBEDDED)) {
            throw new IllegalArgumentException("Unsupported FerryMQ URL '" + url + "': this version serves "
                    + EMBEDDED + "[?options]");
        }
        ProviderOptions o = ProviderOptions.DEFAULTS;
        for (Map.Entry<String, String> e : options(url, q < 0 ? "" : url.substring(q + 1)).entrySet()) {
            o = apply(o, e.getKey(), e.getValue());
        }
        return o.complete();
    }

    private static Map<String, String> options(String url, String query) {
        Map<String, String> options = new LinkedHashMap<>();
        if (query.isEmpty()) {
            return options;
        }
        for (String pair : query.split("&", -1)) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("Malformed option '" + pair + "' in FerryMQ URL '" + url
                        + "': expected name=value");
            }
            String key = decode(pair.substring(0, eq));
            if (options.put(key, decode(pair.substring(eq + 1))) != null) {
                throw new IllegalArgumentException("The option " + key + " is given twice in FerryMQ URL '" + url + "'");
            }
        }
        return options;
    }

    private static ProviderOptions apply(ProviderOptions o, String key, String value) {
        return switch (key) {
            case "name" -> o.withName(value);
            case "dataDir" -> o.withDataDir(Path.of(value));
            case "fsync" -> o.withFsync(bool(key, value));
            case "prefetch" -> o.withPrefetch(integer(key, value));
            case "leaseSeconds" -> o.withLeaseSeconds(integer(key, value));
            case "region" -> o.withRegion(value);
            case "accountId" -> o.withAccountId(value);
            case "autoCreate" -> o.withAutoCreate(bool(key, value));
            case "maxReceiveCount" -> o.withRedelivery(integer(key, value), o.deadLetterQueue());
            case "deadLetterQueue" -> o.withRedelivery(o.maxReceiveCount(), value);
            default -> throw new IllegalArgumentException("Unknown option '" + key + "' in a FerryMQ URL; known: "
                    + "name, dataDir, fsync, prefetch, leaseSeconds, region, accountId, autoCreate, maxReceiveCount, "
                    + "deadLetterQueue");
        };
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static boolean bool(String key, String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("The option " + key + " must be true or false, not '"
                    + value + "'");
        };
    }

    private static int integer(String key, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The option " + key + " must be a whole number, not '" + value + "'");
        }
    }
}
