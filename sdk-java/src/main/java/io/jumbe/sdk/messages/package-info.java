/** Messages of both channels (SMS and WhatsApp): one send endpoint, history, replies. */
package io.jumbe.sdk.messages;
