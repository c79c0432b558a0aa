/** WhatsApp-only views: the business account's templates. */
package io.jumbe.sdk.whatsapp;
