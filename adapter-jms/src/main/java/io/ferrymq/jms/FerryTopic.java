package io.ferrymq.jms;

import jakarta.jms.Topic;

/** A JMS topic; it is an SNS topic underneath, with one SQS queue per subscription. */
public sealed class FerryTopic extends FerryDestination implements Topic permits FerryTemporaryTopic {
    private static final long serialVersionUID = 1L;

    public FerryTopic(String name) {
        super(name);
    }

    @Override
    public String getTopicName() {
        return name();
    }

    @Override
    public boolean isTopic() {
        return true;
    }

    @Override
    String kind() {
        return "topic";
    }
}
