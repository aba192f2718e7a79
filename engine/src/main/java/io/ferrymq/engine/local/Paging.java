package io.ferrymq.engine.local;

import io.ferrymq.engine.sqs.ListQueuesResult;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SortedSet;
import java.util.function.Function;

/** Pages of queue names for ListQueues and ListDeadLetterSourceQueues: sorted, with an opaque NextToken. */
final class Paging {
    static final int MAX_PAGE = 1000;

    private Paging() {
    }

    static ListQueuesResult page(SortedSet<String> names, Integer maxResults, String nextToken,
                                 Function<String, String> toUrl) {
        if (maxResults != null && (maxResults < 1 || maxResults > MAX_PAGE)) {
            throw Errors.invalidParameter("MaxResults", maxResults,
                    "MaxResults must be an integer between 1 and " + MAX_PAGE + ".");
        }
        SortedSet<String> rest = names;
        if (nextToken != null) {
            String after = decode(nextToken);
            rest = names.tailSet(after + '\u0000');
        }
        int limit = maxResults == null ? MAX_PAGE : maxResults;
        List<String> urls = new ArrayList<>(Math.min(limit, rest.size()));
        String last = null;
        for (String name : rest) {
            if (urls.size() == limit) {
                break;
            }
            urls.add(toUrl.apply(name));
            last = name;
        }
        boolean more = maxResults != null && last != null && rest.size() > urls.size();
        return new ListQueuesResult(urls, more ? encode(last) : null);
    }

    private static String encode(String lastName) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastName.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String token) {
        try {
            String name = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (ResourceNames.isValidStandardName(name) || ResourceNames.isValidFifoName(name)) {
                return name;
            }
        } catch (IllegalArgumentException e) {
            // falls through
        }
        throw Errors.invalidParameter("Invalid NextToken value.");
    }
}
