package io.jumbe.server.sms;

import static io.jumbe.server.sms.SmsFlows.ENV;
import static io.jumbe.server.sms.SmsFlows.count;
import static io.jumbe.server.sms.SmsFlows.send;
import static io.jumbe.server.sms.SmsFlows.simulator;
import static org.assertj.core.api.Assertions.assertThat;

import io.jumbe.core.sms.SmsDispatcher;
import io.jumbe.core.sms.SmsService;
import io.jumbe.core.testing.TestDatabase;
import io.jumbe.server.simulator.onfon.OnfonSimulator;
import io.jumbe.server.testing.Sender;
import io.jumbe.server.testing.TestApp;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The database may abort the transaction that records what the upstream accepted (PostgreSQL picks it as a deadlock
 * victim: seen under {@code CampaignBench} as a campaign was paused, resumed and cancelled while it dispatched). Those
 * messages have left us: the record is tried again, so they are never claimed again and sent a second time when
 * their lease runs out.
 */
class SmsRecordConflictTest {

    /** Fails the first batch that marks claimed jobs done, as a deadlock victim does, once armed. */
    private static final class DeadlockOnce {
        final AtomicBoolean armed = new AtomicBoolean();
        final AtomicBoolean fired = new AtomicBoolean();

        DataSource wrap(DataSource real) {
            return proxy(DataSource.class, real, (target, method, args) -> {
                Object result = invoke(target, method, args);
                return result instanceof Connection c ? proxy(Connection.class, c, this::connection) : result;
            });
        }

        private Object connection(Object target, Method method, Object[] args) throws Throwable {
            Object result = invoke(target, method, args);
            if (method.getName().equals("prepareStatement") && args[0] instanceof String sql
                    && sql.startsWith("UPDATE jobs SET status = 'done'") && result instanceof PreparedStatement ps) {
                return proxy(PreparedStatement.class, ps, (t, m, a) -> {
                    if (m.getName().equals("executeBatch") && armed.get() && fired.compareAndSet(false, true)) {
                        throw new BatchUpdateException("ERROR: deadlock detected (injected)", "40P01", 0, new int[0],
                                null);
                    }
                    return invoke(t, m, a);
                });
            }
            return result;
        }

        private interface Handler {
            Object handle(Object target, Method method, Object[] args) throws Throwable;
        }

        private static <T> T proxy(Class<T> type, T target, Handler handler) {
            InvocationHandler h = (p, method, args) -> handler.handle(target, method, args);
            return type.cast(Proxy.newProxyInstance(SmsRecordConflictTest.class.getClassLoader(), new Class<?>[] {type},
                    h));
        }

        private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aDeadlockWhileRecordingAcceptedMessagesIsRetriedSoNoneIsSentTwice(TestDatabase db) throws Exception {
        DataSource data = db.freshDataSource();
        DeadlockOnce deadlock = new DeadlockOnce();
        try (TestApp app = TestApp.startOver(deadlock.wrap(data), ENV)) {
            SmsDispatcher dispatcher = app.application().smsDispatcher();
            dispatcher.close(); // one claim at a time, run here
            Sender s = app.sender("100.00");
            send(s, "{\"recipients\":[\"0722400101\",\"0722400102\",\"0722400103\"],\"message\":\"Clinic closed\"}");
            deadlock.armed.set(true);

            // one job carries the bulk's three messages
            assertThat(dispatcher.dispatchOnce(SmsService.BULK_QUEUE)).isEqualTo(1);

            assertThat(deadlock.fired).isTrue();
            assertThat(simulator(app).submitted()).extracting(OnfonSimulator.SubmittedMessage::number)
                    .containsExactlyInAnyOrder("254722400101", "254722400102", "254722400103");
            assertThat(count(app.platform(), "SELECT COUNT(*) FROM messages WHERE status = 'queued'")).isZero();
            assertThat(count(app.platform(), "SELECT COUNT(*) FROM jobs WHERE queue = ? AND status <> 'done'",
                    SmsService.BULK_QUEUE)).isZero();
            assertThat(app.platform().ledgerCheck().verify()).isEmpty();
        } finally {
            if (data instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }
}
