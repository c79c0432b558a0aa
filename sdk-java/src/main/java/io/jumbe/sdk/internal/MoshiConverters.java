package io.jumbe.sdk.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import retrofit2.Converter;
import retrofit2.Retrofit;

/**
 * JSON both ways over the SDK's one {@link Moshi} (see {@link Json}). It does what Retrofit's
 * {@code converter-moshi} does, less the options the SDK never uses, and reads an empty answer as {@code null}
 * (a {@code DELETE} may answer without a body); written here so the SDK's dependency list stays OkHttp, Retrofit
 * and Moshi. Retrofit's built-in converters still take {@code ResponseBody} (the CSV stream) and {@code Void}.
 */
final class MoshiConverters extends Converter.Factory {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final Moshi moshi;

    MoshiConverters(Moshi moshi) {
        this.moshi = moshi;
    }

    @Override
    public Converter<ResponseBody, ?> responseBodyConverter(Type type, Annotation[] annotations, Retrofit retrofit) {
        JsonAdapter<Object> adapter = moshi.adapter(type);
        return body -> {
            try (body) {
                String text = body.string();
                return text.isBlank() ? null : adapter.fromJson(text);
            }
        };
    }

    @Override
    public Converter<?, RequestBody> requestBodyConverter(Type type, Annotation[] parameterAnnotations,
                                                          Annotation[] methodAnnotations, Retrofit retrofit) {
        JsonAdapter<Object> adapter = moshi.adapter(type);
        return value -> RequestBody.create(adapter.toJson(value), JSON);
    }
}
