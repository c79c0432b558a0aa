package io.jumbe.core.contacts;

/** A group of a tenant's contacts and how many it holds. */
public record ContactGroup(String name, long contacts) {
}
