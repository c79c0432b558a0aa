package io.jumbe.core.payments.mpesa;

/** Daraja's STK Push {@code TransactionType}: a paybill or a till ({@code MPESA_TRANSACTION_TYPE}). */
public enum DarajaTransactionType {
    /** Paybill: {@code PartyB} is the paybill shortcode. */
    CUSTOMER_PAY_BILL_ONLINE("CustomerPayBillOnline"),
    /** Till (Buy Goods): {@code PartyB} is the till number. */
    CUSTOMER_BUY_GOODS_ONLINE("CustomerBuyGoodsOnline");

    private final String wireName;

    DarajaTransactionType(String wireName) {
        this.wireName = wireName;
    }

    /** The exact string Daraja expects in {@code TransactionType}. */
    public String wireName() {
        return wireName;
    }

    /**
     * Parses Daraja's spelling ({@code CustomerPayBillOnline}, {@code CustomerBuyGoodsOnline}).
     *
     * @throws IllegalArgumentException naming {@code MPESA_TRANSACTION_TYPE} for any other value
     */
    public static DarajaTransactionType fromWireName(String value) {
        if (value == null || value.isBlank()) {
            return CUSTOMER_PAY_BILL_ONLINE;
        }
        for (DarajaTransactionType type : values()) {
            if (type.wireName.equalsIgnoreCase(value.trim())) {
                return type;
            }
        }
        throw new IllegalArgumentException("MPESA_TRANSACTION_TYPE must be CustomerPayBillOnline or "
                + "CustomerBuyGoodsOnline, not '" + value + "'");
    }
}
