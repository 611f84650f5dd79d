package rs.greenvoucher.api.application;

public enum Ownership {
    PRIVATE_DOMESTIC, PRIVATE_FOREIGN, STATE, MIXED
}
