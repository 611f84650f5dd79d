package rs.greenvoucher.core.voucher.pay;

import rs.greenvoucher.core.voucher.VoucherCommand;

import java.util.UUID;

/** A second MANAGER approves a proposed payment order (four eyes). */
public record ApprovePayment(UUID applicationId, UUID paymentId, String approvedBy) implements VoucherCommand {
}
