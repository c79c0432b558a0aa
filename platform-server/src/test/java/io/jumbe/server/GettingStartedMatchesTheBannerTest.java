package io.jumbe.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.jumbe.core.testing.TestDatabases;
import io.jumbe.docs.DocsResources;
import io.jumbe.server.testing.TestApp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Getting started page shows what {@code ./jumbe serve} prints on a first start, line for line, with the
 * values that differ per machine (address, key, data folder) written as on a default start.
 */
class GettingStartedMatchesTheBannerTest {

    @Test
    void theGettingStartedPageShowsTheBannerOfAFirstStart() {
        String banner;
        String key;
        try (TestApp app = TestApp.start(TestDatabases.h2())) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ServeCommand.printBanner(app.application(), new PrintStream(out, true, StandardCharsets.UTF_8));
            banner = out.toString(StandardCharsets.UTF_8);
            Matcher k = Pattern.compile("API key: +(\\S+)").matcher(banner);
            assertThat(k.find()).isTrue();
            key = k.group(1);
            Matcher t = Pattern.compile("test key: +(\\S+)").matcher(banner);
            assertThat(t.find()).isTrue();
            banner = banner.replace(t.group(1), t.group(1).substring(0, 8) + "…");
            banner = banner.replace(key, key.substring(0, 8) + "…").replace(app.baseUrl(), "http://localhost:8080")
                    .replace(app.application().config().home().toString(), "./data");
        }
        String page = new String(new DocsResources().read("index.html").orElseThrow(), StandardCharsets.UTF_8);
        Matcher block = Pattern.compile("<pre><code class=\"language-text\">(.*?)</code></pre>", Pattern.DOTALL)
                .matcher(page);
        assertThat(block.find()).as("the page shows the banner in a text block").isTrue();
        String shown = unescape(block.group(1));

        assertThat(shown.strip()).as("banner printed:\n" + banner).isEqualTo(banner.strip());
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
