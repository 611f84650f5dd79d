package rs.greenvoucher.api.http;

import java.util.UUID;

public record AccountCreated(UUID id, String username, String role) {
}
