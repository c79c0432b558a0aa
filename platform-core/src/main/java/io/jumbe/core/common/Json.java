package io.jumbe.core.common;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.core.util.RecyclerPool;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;

/** The one Jackson configuration of the platform: ISO-8601 instants, plain decimals, no unknown-field surprises. */
public final class Json {
    /**
     * The buffers every mapper of the platform reuses, a few shared by all threads. Jackson's default keeps a set per
     * thread, and a thread that once wrote a large response (a bulk send's 1,000 messages) keeps a 128 KiB buffer
     * for good: with Jetty's pool of up to 250 threads that held 8-14 MiB of a 72 MiB heap, and the server spent
     * its time in full collections while dispatching. A thread finding the pool empty makes buffers of its own; a
     * full pool drops what comes back.
     */
    private static final RecyclerPool<BufferRecycler> BUFFERS = JsonRecyclerPools.newBoundedPool(16);
    private static final ObjectMapper MAPPER = JsonMapper.builder(newFactory())
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() {
    }

    /**
     * A factory drawing on the platform's shared buffers: give one to each mapper made elsewhere
     * ({@code new ObjectMapper(Json.newFactory())}); a factory belongs to one mapper, the buffers are shared.
     */
    public static JsonFactory newFactory() {
        return JsonFactory.builder().recyclerPool(BUFFERS).build();
    }

    /** The shared mapper; immutable once built, so sharing it is safe. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
