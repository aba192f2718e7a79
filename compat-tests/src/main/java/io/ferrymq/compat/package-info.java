/**
 * One JMS scenario suite run against FerryMQ, embedded Artemis and SQS/SNS, producing a compatibility matrix.
 * Not built yet; see the project's issues.
 */
package io.ferrymq.compat;
