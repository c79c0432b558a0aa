package io.jumbe.docs;

import java.util.List;

/**
 * A language of the code examples, in the order the tabs show them.
 *
 * @param id        the folder under {@code src/examples/} and the tab key
 * @param label     what the tab shows
 * @param extension the example files' extension
 */
public record Language(String id, String label, String extension) {

    /** Every language of the examples: cURL, Java (SDK), PHP, Python and Node.js. */
    public static final List<Language> ALL = List.of(
            new Language("curl", "cURL", "sh"),
            new Language("java", "Java (SDK)", "java"),
            new Language("php", "PHP", "php"),
            new Language("python", "Python", "py"),
            new Language("node", "Node.js", "mjs"));

    /**
     * The file name of the example called {@code name}. Java files carry the class name, so their first
     * letter is upper case ({@code sendSms} → {@code SendSms.java}).
     */
    public String fileName(String name) {
        String base = "java".equals(id) && !name.isEmpty()
                ? Character.toUpperCase(name.charAt(0)) + name.substring(1) : name;
        return base + "." + extension;
    }
}
