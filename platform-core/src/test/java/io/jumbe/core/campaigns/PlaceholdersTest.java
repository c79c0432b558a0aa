package io.jumbe.core.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    @Test
    void rendersNamedFieldsAttributesInBothSpellingsAndDefaults() {
        Placeholders p = Placeholders.parse("Dear {{name}}, fees for {{ student }} ({{attributes.form}}) are due. "
                + "Call {{phone}} or {{teacher|the office}}.");
        assertThat(p.render(Map.of("name", "Amina", "student", "Baraka", "form", "2", "phone", "254712000001")))
                .contains("Dear Amina, fees for Baraka (2) are due. Call 254712000001 or the office.");
    }

    @Test
    void aFieldWithoutValueOrDefaultMeansTheRecipientIsSkipped() {
        assertThat(Placeholders.parse("Hi {{name}}").render(Map.of("phone", "254712000001"))).isEmpty();
        assertThat(Placeholders.parse("Hi {{name|parent}}").render(Map.of())).contains("Hi parent");
    }

    @Test
    void unknownSyntaxIsRefused() {
        assertThatThrownBy(() -> Placeholders.parse("Hi {{Name}}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Placeholders.parse("Hi {{name")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Placeholders.parse("Hi {{contact.name}}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Placeholders.parse("Hi name}}")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Placeholders.parse("No placeholders { here }").personalised()).isFalse();
    }
}
