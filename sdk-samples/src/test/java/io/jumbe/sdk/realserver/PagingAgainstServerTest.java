package io.jumbe.sdk.realserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jumbe.sdk.JumbeClient;
import io.jumbe.sdk.Page;
import io.jumbe.sdk.errors.ValidationException;
import io.jumbe.sdk.sms.BulkSendSmsParams;
import io.jumbe.sdk.sms.QueuedMessage;
import io.jumbe.sdk.sms.SmsHistoryParams;
import io.jumbe.sdk.sms.SmsMessage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The SDK's auto-paging follows {@code starting_after} cursors, against the real server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagingAgainstServerTest {
    private final InProcessServer server = InProcessServer.start();

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void autoPagingWhileSendingYieldsExactlyTheMessagesThatExistedOnce() {
        JumbeClient client = server.client(server.sender("1000.00"));
        Set<String> existing = new HashSet<>();
        for (int batch = 0; batch < 3; batch++) {
            existing.addAll(send(client, batch * 100, 100));
        }
        assertThat(existing).hasSize(300);

        List<String> seen = new ArrayList<>();
        int sentMeanwhile = 0;
        for (SmsMessage m : client.sms().historyAll(SmsHistoryParams.builder().perPage(50).build())) {
            seen.add(m.messageId());
            // After each page of 50, 20 more messages go out (100 in all) before the next page is asked for.
            if (seen.size() % 50 == 0 && sentMeanwhile < 100) {
                sentMeanwhile += send(client, 1000 + sentMeanwhile, 20).size();
            }
        }

        assertThat(sentMeanwhile).isEqualTo(100);
        assertThat(seen).doesNotHaveDuplicates().hasSize(300);
        assertThat(new HashSet<>(seen)).isEqualTo(existing);
    }

    @Test
    void aPageStartsAfterTheGivenMessageAndSaysWhetherMoreFollow() {
        JumbeClient client = server.client(server.sender("100.00"));
        send(client, 0, 5);
        Page<SmsMessage> all = client.sms().history(SmsHistoryParams.builder().perPage(100).build());
        List<String> ids = all.data().stream().map(SmsMessage::messageId).toList();

        Page<SmsMessage> after = client.sms().history(SmsHistoryParams.builder().perPage(2)
                .startingAfter(ids.get(1)).build());

        assertThat(all.meta().hasMore()).isFalse();
        assertThat(after.data()).extracting(SmsMessage::messageId).containsExactlyElementsOf(ids.subList(2, 4));
        assertThat(after.meta().hasMore()).isTrue();
        assertThat(after.meta().startingAfter()).isEqualTo(ids.get(1));
        assertThat(after.meta().currentPage()).isNull();
        assertThat(after.meta().total()).isEqualTo(5);
        assertThat(after.nextPage().data()).extracting(SmsMessage::messageId).containsExactly(ids.get(4));
    }

    @Test
    void anotherAccountsMessageIsNotACursor() {
        JumbeClient theirs = server.client(server.sender("10.00"));
        String theirMessage = send(theirs, 0, 1).get(0);
        JumbeClient mine = server.client(server.sender("10.00"));

        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> mine.sms().history(SmsHistoryParams.builder().startingAfter(theirMessage).build()));

        assertThat(e.code()).isEqualTo("validation_failed");
        assertThat(e.fieldErrors()).extracting(f -> f.field()).containsExactly("starting_after");
    }

    private static List<String> send(JumbeClient client, int first, int count) {
        List<String> to = IntStream.range(first, first + count)
                .mapToObj(i -> "0712" + String.format("%06d", 200000 + i)).toList();
        return client.sms().sendBulk(BulkSendSmsParams.builder().recipients(to).message("Clinic reminder").build())
                .messages().stream().map(QueuedMessage::messageId).toList();
    }
}
