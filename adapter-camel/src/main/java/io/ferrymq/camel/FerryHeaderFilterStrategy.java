package io.ferrymq.camel;

import org.apache.camel.support.DefaultHeaderFilterStrategy;

/**
 * The headers that never become message attributes: Camel's own (Camel*, org.apache.camel.*) and breadcrumbId,
 * the same rule camel-aws2-sqs and camel-aws2-sns apply, so a route moved onto FerryMQ sends the same attributes.
 */
public class FerryHeaderFilterStrategy extends DefaultHeaderFilterStrategy {
    public FerryHeaderFilterStrategy() {
        setLowerCase(true);
        setOutFilterPattern("(breadcrumbId|Camel|org\\.apache\\.camel)[\\.|a-z|A-z|0-9]*");
    }
}
