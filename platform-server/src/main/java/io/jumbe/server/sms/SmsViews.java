package io.jumbe.server.sms;

import io.jumbe.core.sms.ClientStatistics;
import io.jumbe.core.sms.Message;
import io.jumbe.core.sms.MessageStatus;
import io.jumbe.core.sms.Quote;
import io.jumbe.core.sms.Rejection;
import io.jumbe.core.sms.SendResult;
import io.jumbe.core.sms.SmsStatistics;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shapes of the SMS endpoints, field names as the reseller's tenants already use them. */
final class SmsViews {
    private SmsViews() {
    }

    static Map<String, Object> sent(SendResult r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "queued");
        if (r.single()) {
            SendResult.Queued m = r.messages().get(0);
            body.put("message_id", m.messageId());
            body.put("recipient", m.recipient());
            body.put("segments", m.segments());
            body.put("encoding", r.encoding().label());
            body.put("cost", m.cost().toDecimal());
            body.put("balance", r.balance().toDecimal());
            return body;
        }
        body.put("batch_id", r.batchId());
        body.put("messages", r.messages().stream().map(m -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("message_id", m.messageId());
            item.put("recipient", m.recipient());
            item.put("segments", m.segments());
            item.put("cost", m.cost().toDecimal());
            return item;
        }).toList());
        body.put("encoding", r.encoding().label());
        body.put("total_cost", r.totalCost().toDecimal());
        body.put("balance", r.balance().toDecimal());
        body.put("rejected", r.rejected().stream().map(Rejection::toMap).toList());
        return body;
    }

    static Map<String, Object> quote(Quote q) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("segments", q.segments());
        body.put("encoding", q.encoding().label());
        body.put("characters", q.characters());
        body.put("recipients", q.recipients());
        body.put("cost_per_recipient", q.costPerRecipient().toDecimal());
        body.put("total_cost", q.totalCost().toDecimal());
        body.put("balance", q.balance().toDecimal());
        body.put("sufficient_balance", q.affordable());
        body.put("rejected", q.rejected().stream().map(Rejection::toMap).toList());
        return body;
    }

    static Map<String, Object> message(Message m) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message_id", m.id());
        body.put("batch_id", m.batchId());
        body.put("status", m.status().wireName());
        body.put("recipient", m.recipient());
        body.put("sender", m.senderId());
        body.put("message", m.text());
        body.put("segments", m.segments());
        body.put("encoding", m.encoding().label());
        body.put("cost", m.cost().toDecimal());
        body.put("refunded", m.refunded());
        body.put("reference", m.reference());
        body.put("upstream_message_id", m.upstreamMessageId());
        body.put("upstream_status", m.upstreamStatus());
        body.put("error_code", m.errorCode());
        body.put("error_description", m.errorDescription());
        body.put("scheduled_at", time(m.scheduledAt()));
        body.put("queued_at", time(m.queuedAt()));
        body.put("sent_at", time(m.sentAt()));
        body.put("delivered_at", time(m.deliveredAt()));
        body.put("failed_at", time(m.failedAt()));
        body.put("expired_at", time(m.expiredAt()));
        body.put("cancelled_at", time(m.cancelledAt()));
        body.put("created_at", time(m.createdAt()));
        return body;
    }

    static Map<String, Object> statistics(SmsStatistics s) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", time(s.from()));
        body.put("to", time(s.to()));
        body.put("total", s.total());
        Map<String, Object> byStatus = new LinkedHashMap<>();
        for (MessageStatus status : MessageStatus.values()) {
            byStatus.put(status.wireName(), s.byStatus().getOrDefault(status, 0L));
        }
        body.put("by_status", byStatus);
        body.put("segments", s.segments());
        body.put("cost", s.cost().toDecimal());
        body.put("refunded", s.refunded().toDecimal());
        return body;
    }

    static Map<String, Object> client(ClientStatistics s) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("period_start", time(s.monthStart()));
        body.put("messages_sent", s.sent());
        body.put("messages_delivered", s.delivered());
        body.put("messages_failed", s.failed());
        body.put("spend", s.spend().toDecimal());
        body.put("topups", s.topups().toDecimal());
        body.put("balance", s.balance().toDecimal());
        body.put("currency", "KES");
        return body;
    }

    private static String time(Instant t) {
        return t == null ? null : t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }
}
