/**
 * Sending SMS and following them: {@link io.jumbe.sdk.sms.SmsService}, its parameters and answers.
 */
package io.jumbe.sdk.sms;
