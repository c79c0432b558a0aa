package io.jumbe.core.wallet;

import io.jumbe.core.common.Money;
import io.jumbe.core.common.FieldError;
import io.jumbe.core.common.ServiceException;
import io.jumbe.core.common.TextRules;
import java.util.ArrayList;
import java.util.List;
import io.jumbe.core.tenant.Tenant;
import io.jumbe.core.tenant.TenantService;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** The tenant's wallet: balance, manual credits by admins, and the journal. */
public final class WalletService {
    private final Jdbi jdbi;
    private final Ledger ledger;
    private final TenantService tenants;
    private final WalletTransactions transactions;

    public WalletService(Jdbi jdbi, Ledger ledger, TenantService tenants, WalletTransactions transactions) {
        this.jdbi = jdbi;
        this.ledger = ledger;
        this.tenants = tenants;
        this.transactions = transactions;
    }

    public Balance balance(long tenantId) {
        Tenant t = tenants.get(tenantId);
        return new Balance(t.balance(), t.pricePerSegment());
    }

    /** An admin's credit (bank transfer, goodwill…): journaled with who did it and why. */
    public BalanceChange manualCredit(long tenantId, Money amount, String reference, String note, String admin) {
        if (amount.cents() <= 0) {
            throw ServiceException.validation("amount", "must be above zero");
        }
        if (reference == null || reference.isBlank()) {
            throw ServiceException.validation("reference", "is required");
        }
        List<FieldError> errors = new ArrayList<>();
        TextRules.check(errors, "reference", reference, TextRules.Kind.LINE);
        TextRules.check(errors, "note", note, TextRules.Kind.TEXT);
        if (!errors.isEmpty()) {
            throw new ServiceException("validation_failed", "The credit has invalid fields", errors);
        }
        tenants.get(tenantId);
        Posting posting = Posting.of("manual_credit", note == null ? "Manual credit" : note)
                .withPaymentMethod("manual").withReference(reference).withCreatedBy(admin)
                .withMetadata(note == null ? Map.of() : Map.of("note", note));
        return jdbi.inTransaction(h -> ledger.credit(h, tenantId, amount, posting));
    }

    public WalletTransactions transactions() {
        return transactions;
    }
}
