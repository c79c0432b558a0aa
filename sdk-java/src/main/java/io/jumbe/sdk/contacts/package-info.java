/**
 * The phone book: {@link io.jumbe.sdk.contacts.ContactsService} (contacts, CSV import and export),
 * {@link io.jumbe.sdk.contacts.GroupsService} and {@link io.jumbe.sdk.contacts.OptOutsService}.
 */
package io.jumbe.sdk.contacts;
