package rs.greenvoucher.api.value;

/** The lifecycle of a voucher application. */
public enum ApplicationStatus {
    SUBMITTED, SCREENED, PROVIDER_MATCHED, APPROVED, COMPLETION_REPORTED, COMPLETED,
    /** An evaluator asked the applicant for more information; the application waits at its stage for the reply (D3). */
    INFORMATION_REQUESTED,
    REJECTED, WITHDRAWN, EXPIRED;

    /**
     * The applicant may withdraw any time before approval. (An application waiting for information may be withdrawn
     * if it waits at screening or matching: the application knows, not its status.)
     */
    public boolean isWithdrawable() {
        return this == SUBMITTED || this == SCREENED || this == PROVIDER_MATCHED;
    }

    /** Nothing more can happen to the application: its applicant's personal data may be erased. */
    public boolean isClosed() {
        return this == COMPLETED || this == REJECTED || this == WITHDRAWN || this == EXPIRED;
    }

    /** L1: while in one of these, the enterprise holds its one voucher. */
    public boolean holdsEnterprise() {
        return this != REJECTED && this != WITHDRAWN && this != EXPIRED;
    }
}
