package io.jumbe.core.payments.mpesa;

import java.util.Locale;

/** Turns Daraja's {@code ResultCode} (callback or STK Query) into our top-up status and failure words. */
public final class DarajaResultCodes {

    private DarajaResultCodes() {
    }

    /** A top-up's final state as the tenant sees it. */
    public enum Status {
        /** Paid. */
        COMPLETED,
        /** Not paid, for any reason but the customer's own cancelling. */
        FAILED,
        /** The customer cancelled the prompt (1032). */
        CANCELLED;

        /** The lower-case word used in our API ({@code completed}, {@code failed}, {@code cancelled}). */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * What a result code means for us.
     *
     * @param resultCode Daraja's code as text ("0", "1032", "SFC_IC0003")
     * @param status     completed, failed or cancelled
     * @param reason     words for {@code failure_reason} including the code, e.g.
     *                   "cancelled by user (M-Pesa ResultCode 1032)"; null on success
     */
    public record Outcome(String resultCode, Status status, String reason) {

        /** True only for ResultCode 0. */
        public boolean isSuccess() {
            return status == Status.COMPLETED;
        }
    }

    /** Maps a callback's numeric {@code ResultCode}; {@code resultDesc} is used for codes we do not name. */
    public static Outcome describe(int resultCode, String resultDesc) {
        return describe(Integer.toString(resultCode), resultDesc);
    }

    /** Maps STK Query's string {@code ResultCode} (which may be non-numeric, e.g. {@code SFC_IC0003}). */
    public static Outcome describe(String resultCode, String resultDesc) {
        String code = resultCode == null ? "" : resultCode.trim();
        String words = switch (code) {
            case "0" -> null;
            case "1" -> "insufficient M-Pesa balance";
            case "1019" -> "transaction expired";
            case "1025", "9999" -> "M-Pesa could not send the payment prompt";
            case "1032" -> "cancelled by user";
            case "1037" -> "phone unreachable";
            case "2001" -> "wrong M-Pesa PIN";
            case "1001" -> "subscriber busy with another M-Pesa transaction";
            default -> "";
        };
        if (words == null) {
            return new Outcome(code, Status.COMPLETED, null);
        }
        Status status = "1032".equals(code) ? Status.CANCELLED : Status.FAILED;
        if (words.isEmpty()) {
            String desc = resultDesc == null || resultDesc.isBlank() ? "no description" : resultDesc.strip();
            return new Outcome(code, status, "M-Pesa error " + code + ": " + desc);
        }
        return new Outcome(code, status, words + " (M-Pesa ResultCode " + code + ")");
    }
}
