package io.ferrymq.camel.sns;

import org.apache.camel.spi.Metadata;

/** The headers ferry-sns reads and sets: camel-aws2-sns's, name for name. */
public final class FerrySnsConstants {
    @Metadata(description = "The message id SNS gave the published message.", javaType = "String")
    public static final String MESSAGE_ID = "CamelAwsSnsMessageId";

    @Metadata(description = "The subject of the message; overrides the subject option.", javaType = "String")
    public static final String SUBJECT = "CamelAwsSnsSubject";

    @Metadata(description = "The message structure (json); overrides the messageStructure option.",
              javaType = "String")
    public static final String MESSAGE_STRUCTURE = "CamelAwsSnsMessageStructure";

    /** The exchange property messageGroupIdStrategy=usePropertyValue reads (a property, not a header). */
    public static final String MESSAGE_GROUP_ID_PROPERTY = "CamelAwsSnsMessageGroupId";

    private FerrySnsConstants() {
    }
}
