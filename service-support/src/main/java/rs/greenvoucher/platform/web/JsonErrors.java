package rs.greenvoucher.platform.web;

import org.springframework.http.converter.HttpMessageNotReadableException;
import rs.greenvoucher.platform.refusal.Refusal;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Names the field of a request body Jackson could not read, and says why in words a client can act on. */
final class JsonErrors {

    private JsonErrors() {
    }

    static Refusal.Field describe(HttpMessageNotReadableException e) {
        JacksonException jackson = find(e, JacksonException.class);
        if (jackson == null || jackson instanceof StreamReadException && !(jackson instanceof MismatchedInputException)) {
            return new Refusal.Field("body", "is not valid JSON");
        }
        String field = path(jackson);
        IllegalArgumentException invalidValue = find(e, IllegalArgumentException.class);
        if (invalidValue != null && invalidValue.getClass().getName().endsWith("InvalidValueException")) {
            return new Refusal.Field(field, invalidValue.getMessage());
        }
        if (jackson instanceof UnrecognizedPropertyException) {
            return new Refusal.Field(field, "is not a known field");
        }
        if (jackson instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return new Refusal.Field(field, "must be one of " + java.util.Arrays.toString(format.getTargetType().getEnumConstants()));
        }
        return new Refusal.Field(field, "has an invalid value or type");
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
