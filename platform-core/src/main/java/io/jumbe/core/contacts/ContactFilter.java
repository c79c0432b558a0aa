package io.jumbe.core.contacts;

/**
 * Which contacts a list shows; every field optional.
 *
 * @param group    members of this group only
 * @param search   text found in the name or the phone
 * @param optedOut true: only opted-out numbers; false: only those that may be messaged
 */
public record ContactFilter(String group, String search, Boolean optedOut) {
    public static final ContactFilter ALL = new ContactFilter(null, null, null);
}
