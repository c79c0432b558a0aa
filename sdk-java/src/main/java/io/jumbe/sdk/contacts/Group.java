package io.jumbe.sdk.contacts;

/**
 * A group of contacts.
 *
 * @param name     its name
 * @param contacts how many contacts it holds
 */
public record Group(String name, long contacts) {
}
