package io.jumbe.core.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeliveryReportTest {

    private static Map<String, List<String>> query(String status) {
        return Map.of(
                "messageId", List.of("7444f504-6760-43fd-9b40-2708da61d114"),
                "mobile", List.of("254712345678"),
                "status", List.of(status),
                "errorCode", List.of("000"),
                "submitDate", List.of("2026-04-08 09:30"),
                "doneDate", List.of("2026-04-08 09:31"),
                "shortMessage", List.of("Hello Alice"));
    }

    @Test
    void readsEveryFieldOfOnfonsQueryParameters() {
        assertThat(DeliveryReport.fromParameters(query("DELIVRD"))).contains(new DeliveryReport(
                "7444f504-6760-43fd-9b40-2708da61d114", "254712345678", "DELIVRD", "000",
                "2026-04-08 09:30", "2026-04-08 09:31", DeliveryState.DELIVERED, true));
    }

    @Test
    void readsTheSameFieldsFromARawQueryString() {
        assertThat(DeliveryReport.fromQuery("messageId=7444f504-6760-43fd-9b40-2708da61d114&mobile=254712345678"
                + "&status=DELIVRD&errorCode=000&submitDate=2026-04-08%2009:30&doneDate=2026-04-08+09:31"
                + "&shortMessage=Hello%20Alice")).contains(new DeliveryReport(
                "7444f504-6760-43fd-9b40-2708da61d114", "254712345678", "DELIVRD", "000",
                "2026-04-08 09:30", "2026-04-08 09:31", DeliveryState.DELIVERED, true));
    }

    @Test
    void aQueryStringWithoutStatusIsNoReport() {
        assertThat(DeliveryReport.fromQuery("messageId=abc&mobile=254712345678")).isEmpty();
        assertThat(DeliveryReport.fromQuery(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"DELIVRD", "DeliveredToTerminal", "delivrd"})
    void mapsDeliveredInBothVocabularies(String status) {
        assertThat(DeliveryReport.classify(status)).isEqualTo(DeliveryState.DELIVERED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"UNDELIV", "UNDELIVRD", "REJECTD", "DELETED", "UNKNOWN", "DeliveryImpossible",
            "UserInBlacklist", "AbsentSubscriber", "SenderName Blacklisted", "InvalidMsisdn", "SystemFailure"})
    void mapsFailuresInBothVocabularies(String status) {
        assertThat(DeliveryReport.classify(status)).isEqualTo(DeliveryState.FAILED);
    }

    @Test
    void mapsExpiredToExpired() {
        assertThat(DeliveryReport.classify("EXPIRED")).isEqualTo(DeliveryState.EXPIRED);
        assertThat(DeliveryState.EXPIRED.messageStatus()).contains(MessageStatus.EXPIRED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ACCEPTD", "ENROUTE", "BUFFERED", "SUBMITTED", "DeliveredToNetwork", "DeliveryUncertain",
            "MessageWaiting", "DeliveryNotificationNotSupported"})
    void keepsNonFinalStatusesPending(String status) {
        assertThat(DeliveryReport.classify(status)).isEqualTo(DeliveryState.PENDING);
        assertThat(DeliveryReport.isKnownStatus(status)).isTrue();
        assertThat(DeliveryState.PENDING.messageStatus()).isEmpty();
    }

    @Test
    void keepsAnUnknownStatusPendingAndFlagsIt() {
        DeliveryReport report = DeliveryReport.fromParameters(query("SOMETHING_NEW")).orElseThrow();
        assertThat(report.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(report.recognised()).isFalse();
    }

    @Test
    void readsAJsonBodyWithTheSameNames() {
        byte[] body = """
                {"messageId":"abc-1","mobile":"254712345678","status":"UNDELIV","errorCode":"001",
                 "submitDate":"2026-04-08 09:30","doneDate":null}
                """.getBytes(StandardCharsets.UTF_8);
        DeliveryReport report = DeliveryReport.fromJson(body).orElseThrow();
        assertThat(report.upstreamMessageId()).isEqualTo("abc-1");
        assertThat(report.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(report.errorCode()).isEqualTo("001");
        assertThat(report.doneDate()).isEmpty();
    }

    @Test
    void matchesParameterNamesWithoutRegardToCase() {
        DeliveryReport report = DeliveryReport.fromParameters(Map.of(
                "MessageId", List.of("abc-2"), "STATUS", List.of("DELIVRD"))).orElseThrow();
        assertThat(report.upstreamMessageId()).isEqualTo("abc-2");
        assertThat(report.mobile()).isEmpty();
    }

    @Test
    void ignoresAReportWithoutMessageIdOrStatus() {
        assertThat(DeliveryReport.fromParameters(Map.of("status", List.of("DELIVRD")))).isEmpty();
        assertThat(DeliveryReport.fromParameters(Map.of("messageId", List.of("x")))).isEmpty();
        assertThat(DeliveryReport.fromJson("not json".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(DeliveryReport.fromJson("[1,2]".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }
}
