package io.jumbe.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** JSON unless CSV is preferred by q-value (order means nothing), or asked for with {@code ?format=csv}. */
class CsvOrJsonTest {

    @ParameterizedTest(name = "[{0}] format={1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "NONE", textBlock = """
            application/json, text/csv                 | NONE | json
            text/csv;q=0.5, application/json           | NONE | json
            text/csv                                   | NONE | csv
            text/csv, application/json;q=0.5           | NONE | csv
            application/json;q=0.5, text/csv           | NONE | csv
            */*                                        | NONE | json
            NONE                                       | NONE | json
            application/json                           | csv  | csv
            text/csv                                   | json | json
            text/csv;q=0                               | NONE | json
            application/xml                            | NONE | json
            text/html, application/xhtml+xml           | NONE | json
            text/*                                     | NONE | csv
            text/*;q=0.9, application/json;q=0.8       | NONE | csv
            text/csv;q=0.4, */*;q=0.5                  | NONE | json
            TEXT/CSV ; Q=0.9 , application/json;q=0.1  | NONE | csv
            text/csv;charset=utf-8;q=0.7, */*;q=0.6    | NONE | csv
            text/csv;q=2, application/json;q=0.1       | NONE | json
            """)
    void choosesByPreference(String accept, String format, String expected) {
        assertThat(CsvOrJson.wantsCsv(format, accept) ? "csv" : "json").isEqualTo(expected);
    }
}
