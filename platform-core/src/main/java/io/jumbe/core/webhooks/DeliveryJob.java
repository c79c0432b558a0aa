package io.jumbe.core.webhooks;

import io.jumbe.core.jobs.Job;
import io.jumbe.core.jobs.JobHandler;
import org.jdbi.v3.core.Handle;

/**
 * Runs one attempt of a delivery when its job comes due. The job payload is {@code <delivery id>/<generation>}; a
 * job of an older generation (the delivery was retried by hand or replayed since) does nothing.
 */
final class DeliveryJob implements JobHandler {
    private final WebhookService service;

    DeliveryJob(WebhookService service) {
        this.service = service;
    }

    static String payload(String deliveryId, int generation) {
        return deliveryId + "/" + generation;
    }

    @Override
    public void run(Job job) {
        int slash = job.payload().lastIndexOf('/');
        service.attempt(job.payload().substring(0, slash), Integer.parseInt(job.payload().substring(slash + 1)));
    }

    @Override
    public void exhausted(Handle h, Job job, String lastError) {
        int slash = job.payload().lastIndexOf('/');
        service.giveUp(h, job.payload().substring(0, slash), Integer.parseInt(job.payload().substring(slash + 1)),
                "delivery job failed: " + lastError);
    }
}
