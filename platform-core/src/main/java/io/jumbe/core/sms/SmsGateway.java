package io.jumbe.core.sms;

/**
 * An upstream that carries SMS to handsets (Onfon Media, or its simulator).
 *
 * <p>Implementations never throw for upstream trouble: every failure comes back as a value so that
 * dispatch can decide between retrying, failing-and-refunding and pausing.
 */
public interface SmsGateway {

    /**
     * Submits a batch in one upstream request.
     *
     * @param batch messages sharing a sender id and an encoding
     * @return {@link SubmitResult.Completed} with one outcome per message (same order as the batch) when the
     *         upstream processed the request, or {@link SubmitResult.RequestFailed} when the request as a whole
     *         failed and no message of it can be assumed sent
     */
    SubmitResult submit(SubmitBatch batch);
}
