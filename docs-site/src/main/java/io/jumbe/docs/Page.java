package io.jumbe.docs;

/**
 * One generated page of the site.
 *
 * @param file     the file name relative to the site root, e.g. {@code sms.html}
 * @param title    the page title shown in the navigation and the browser tab
 * @param bodyHtml the rendered main content, without the surrounding layout
 */
public record Page(String file, String title, String bodyHtml) {
}
