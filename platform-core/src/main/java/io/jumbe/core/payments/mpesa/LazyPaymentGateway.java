package io.jumbe.core.payments.mpesa;

import java.util.function.Supplier;

/**
 * A gateway built on first use: the Daraja client needs the callback URL, which holds the server's public address,
 * and that is known only once the server listens (tests start on port 0).
 */
public final class LazyPaymentGateway implements PaymentGateway {
    private final Supplier<PaymentGateway> factory;
    private volatile PaymentGateway gateway;

    public LazyPaymentGateway(Supplier<PaymentGateway> factory) {
        this.factory = factory;
    }

    private PaymentGateway gateway() {
        PaymentGateway g = gateway;
        if (g == null) {
            synchronized (this) {
                g = gateway;
                if (g == null) {
                    g = factory.get();
                    gateway = g;
                }
            }
        }
        return g;
    }

    @Override
    public StkPushResult stkPush(StkPushRequest request) {
        return gateway().stkPush(request);
    }

    @Override
    public StkQueryResult stkQuery(String checkoutRequestId) {
        return gateway().stkQuery(checkoutRequestId);
    }
}
