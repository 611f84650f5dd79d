package rs.greenvoucher.core.voucher;

import java.util.UUID;

/** An intent on one voucher application; each use case's folder has its own. */
public interface VoucherCommand {

    UUID applicationId();

    /**
     * An evaluator's decision (or an administrator's correction): it carries its own id, and a second delivery of the
     * same decision changes nothing ({@link Vouchers#decide}).
     */
    interface Decision extends VoucherCommand {
        UUID decisionId();
    }
}
