package io.jumbe.server.simulator.onfon;

import java.util.UUID;

/**
 * The simulator's delivery reports waiting for their time, oldest first (one delay for all, so also the order they
 * fall due in). Kept in columns of primitives, allocated once and grown only past the usual bound: the simulator runs
 * in the server's process, and as objects the thousands of reports that wait their two seconds each outlived the
 * young collections, crowded the survivor spaces and were promoted to die in the old generation, which then filled
 * every second or so while dispatch ran (a full collection each time, in the send path's latency).
 *
 * <p>What one report carries and nothing more: its id as two longs, the Kenyan number as a long (only numbers that
 * match {@code 254[17]\d{8}} are reported), and the submit it came with, shared by the recipients of one bulk.
 */
final class WaitingReports {
    /** What a bulk submit's reports share: when it was submitted and the start of its text. */
    record Submission(String submitDate, String shortMessage) {
    }

    /** A report taken to be sent: made when it leaves, so it lives as long as its HTTP call. */
    record Due(long dueAt, String messageId, String number, Submission submission, boolean holdsRoom) {
    }

    private long[] dueAt;
    private long[] idHigh;
    private long[] idLow;
    private long[] number;
    private boolean[] holdsRoom;
    private Submission[] submission;
    private int head;
    private int size;

    WaitingReports(int capacity) {
        allocate(capacity);
    }

    /** Adds a report that falls due at {@code dueAt} ({@link System#nanoTime()} time); never refuses one. */
    synchronized void add(long dueAt, UUID messageId, String number, Submission submission, boolean holdsRoom) {
        if (size == this.dueAt.length) {
            grow();
        }
        int i = (head + size) % this.dueAt.length;
        this.dueAt[i] = dueAt;
        this.idHigh[i] = messageId.getMostSignificantBits();
        this.idLow[i] = messageId.getLeastSignificantBits();
        this.number[i] = Long.parseLong(number);
        this.holdsRoom[i] = holdsRoom;
        this.submission[i] = submission;
        size++;
        notify();
    }

    /** The oldest report, waiting for one when there is none. */
    synchronized Due take() throws InterruptedException {
        while (size == 0) {
            wait();
        }
        int i = head;
        Submission s = submission[i];
        submission[i] = null;
        head = (head + 1) % dueAt.length;
        size--;
        return new Due(dueAt[i], new UUID(idHigh[i], idLow[i]).toString(), Long.toString(number[i]), s, holdsRoom[i]);
    }

    synchronized int size() {
        return size;
    }

    synchronized void clear() {
        java.util.Arrays.fill(submission, null);
        head = 0;
        size = 0;
    }

    private void grow() {
        long[] oldDue = dueAt;
        long[] oldHigh = idHigh;
        long[] oldLow = idLow;
        long[] oldNumber = number;
        boolean[] oldHolds = holdsRoom;
        Submission[] oldSubmission = submission;
        int capacity = oldDue.length;
        allocate(capacity * 2);
        for (int k = 0; k < size; k++) {
            int from = (head + k) % capacity;
            dueAt[k] = oldDue[from];
            idHigh[k] = oldHigh[from];
            idLow[k] = oldLow[from];
            number[k] = oldNumber[from];
            holdsRoom[k] = oldHolds[from];
            submission[k] = oldSubmission[from];
        }
        head = 0;
    }

    private void allocate(int capacity) {
        dueAt = new long[capacity];
        idHigh = new long[capacity];
        idLow = new long[capacity];
        number = new long[capacity];
        holdsRoom = new boolean[capacity];
        submission = new Submission[capacity];
    }
}
