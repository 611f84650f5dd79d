package rs.greenvoucher.api.http;

/** An access token (expiresIn seconds) and the refresh token that renews it once (refreshExpiresIn seconds). */
public record Tokens(String accessToken, String tokenType, long expiresIn, String refreshToken, long refreshExpiresIn) {
}
