package rs.greenvoucher.core.voucher.erase;

import rs.greenvoucher.core.voucher.VoucherCommand;

import java.util.UUID;

/** An ADMIN erases the personal data of a closed application on its applicant's request (docs/adr/0011). */
public record ErasePersonalData(UUID applicationId, String reason, String erasedBy) implements VoucherCommand {
}
