package rs.greenvoucher.api.http;

/** How many vouchers a provider is working on now (approved, completion not yet verified). */
public record ProviderLoad(String providerCode, long activeVouchers) {
}
