package io.jumbe.sdk.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.adapters.EnumJsonAdapter;
import java.io.IOException;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * Builds the one {@link Moshi} the SDK uses: money as exact {@link BigDecimal}, timestamps as {@link Instant},
 * and every SDK enum with an {@code UNKNOWN} fallback so an older SDK survives values a newer server adds.
 */
public final class Json {
    private Json() {
    }

    /**
     * Creates the configured Moshi instance.
     *
     * @return a new Moshi
     */
    public static Moshi moshi() {
        return new Moshi.Builder()
                .add(BigDecimal.class, new BigDecimalAdapter().nullSafe())
                .add(Instant.class, new InstantAdapter().nullSafe())
                .add(java.time.LocalDate.class, new LocalDateAdapter().nullSafe())
                .add(String.class, RawJson.class, new RawJsonAdapter().nullSafe())
                .add(Json::unknownFallbackEnum)
                .build();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static JsonAdapter<?> unknownFallbackEnum(Type type, Set<? extends java.lang.annotation.Annotation> annotations,
                                                       Moshi moshi) {
        if (!annotations.isEmpty() || !(type instanceof Class<?> cls) || !cls.isEnum()
                || !cls.getName().startsWith("io.jumbe.sdk.")) {
            return null;
        }
        for (Object constant : cls.getEnumConstants()) {
            if (((Enum<?>) constant).name().equals("UNKNOWN")) {
                return EnumJsonAdapter.create((Class) cls).withUnknownFallback((Enum) constant).nullSafe();
            }
        }
        return null;
    }

    /** Reads the number token as text so that {@code 1049.00} becomes exactly {@code 1049.00}, never a double. */
    static final class BigDecimalAdapter extends JsonAdapter<BigDecimal> {
        @Override
        public BigDecimal fromJson(JsonReader reader) throws IOException {
            String text = reader.nextString();
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                throw new JsonDataException("expected a decimal number but was " + text + " at " + reader.getPath());
            }
        }

        @Override
        public void toJson(JsonWriter writer, BigDecimal value) throws IOException {
            writer.value(value);
        }
    }

    /** A JSON value kept as its source text, for {@link RawJson} members. */
    static final class RawJsonAdapter extends JsonAdapter<String> {
        @Override
        public String fromJson(JsonReader reader) throws IOException {
            try (okio.BufferedSource source = reader.nextSource()) {
                return source.readUtf8();
            }
        }

        @Override
        public void toJson(JsonWriter writer, String value) throws IOException {
            try (okio.BufferedSink sink = writer.valueSink()) {
                sink.writeUtf8(value);
            }
        }
    }

    /** ISO-8601 instants; an offset other than Z is converted. */
    static final class InstantAdapter extends JsonAdapter<Instant> {
        @Override
        public Instant fromJson(JsonReader reader) throws IOException {
            String text = reader.nextString();
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                try {
                    return OffsetDateTime.parse(text).toInstant();
                } catch (DateTimeParseException e2) {
                    throw new JsonDataException("expected an ISO-8601 timestamp but was " + text + " at " + reader.getPath());
                }
            }
        }

        @Override
        public void toJson(JsonWriter writer, Instant value) throws IOException {
            writer.value(value.toString());
        }
    }

    /** ISO-8601 dates ({@code 2025-10-09}): the days of the analytics. */
    static final class LocalDateAdapter extends JsonAdapter<java.time.LocalDate> {
        @Override
        public java.time.LocalDate fromJson(JsonReader reader) throws IOException {
            String text = reader.nextString();
            try {
                return java.time.LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw new JsonDataException("expected a date (2025-10-09) but was " + text + " at " + reader.getPath());
            }
        }

        @Override
        public void toJson(JsonWriter writer, java.time.LocalDate value) throws IOException {
            writer.value(value.toString());
        }
    }
}
