package rs.greenvoucher.core.calls;

import rs.greenvoucher.api.call.CallParameters;

import java.util.UUID;

public record CreateCall(UUID callId, CallParameters parameters, String by) {
}
