/**
 * Camel components over the Engine SPI, and Camel's own JMS and AWS components pointed at FerryMQ.
 * Not built yet; see the project's issues.
 */
package io.ferrymq.camel;
