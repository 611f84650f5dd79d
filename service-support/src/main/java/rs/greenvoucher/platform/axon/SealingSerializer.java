package rs.greenvoucher.platform.axon;

import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.UnknownSerializedType;
import rs.greenvoucher.api.privacy.PersonalData;
import rs.greenvoucher.platform.privacy.PersonalJson;
import rs.greenvoucher.platform.privacy.PersonalKeys;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event store's serializer with the personal fields ({@link PersonalData}) sealed on the way in and opened on the
 * way out, with each application's key (docs/adr/0011). Every other type, and every other use (tokens, dead
 * letters' metadata), passes through unchanged; upcasters see the sealed form and never read personal fields.
 */
public final class SealingSerializer implements Serializer {

    private static final JsonMapper JSON = PersonalJson.EXACT;
    /**
     * Reads an opened tree straight into its event, instead of writing it out for Axon's Jackson 2 to parse again
     * (that second pass was a fifth of a rebuild's time). Set to read what Axon's mapper writes as that mapper reads it.
     */
    private static final JsonMapper READER = PersonalJson.EXACT.rebuild()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(EnumFeature.READ_ENUMS_USING_TO_STRING)
            .build();

    /** Set while a read that needs no personal field runs on this thread ({@link #withPersonalFieldsSealed}). */
    private static final ThreadLocal<Boolean> SEALED_READ = new ThreadLocal<>();

    private final Serializer delegate;
    private final PersonalKeys keys;

    public SealingSerializer(Serializer delegate, PersonalKeys keys) {
        this.delegate = delegate;
        this.keys = keys;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        String type = object == null ? null : object.getClass().getSimpleName();
        if (type == null || !PersonalData.hasPersonalData(type)) {
            return delegate.serialize(object, expectedRepresentation);
        }
        SerializedObject<byte[]> plain = delegate.serialize(object, byte[].class);
        JsonNode tree = JSON.readTree(plain.getData());
        String applicant = tree.path("applicantId").isString() ? tree.get("applicantId").asString() : null;
        PersonalJson.seal(tree, type, subject -> keys.keyFor(subject, applicant));
        SerializedObject<byte[]> sealed = new SimpleSerializedObject<>(JSON.writeValueAsBytes(tree), byte[].class, plain.getType());
        return delegate.getConverter().convert(sealed, expectedRepresentation);
    }

    /**
     * Runs a read of events that uses none of their personal fields (the report as of an instant, the what-if) with
     * those fields left sealed: no key is looked up and nothing decrypted, a fifth of such a replay's time. Only for
     * events read from the storage engine by this thread for this read alone (never the event store's shared stream of
     * recent events, whose messages the processors also read); what it reads must not be kept or shown.
     */
    public static <T> T withPersonalFieldsSealed(java.util.function.Supplier<T> read) {
        SEALED_READ.set(Boolean.TRUE);
        try {
            return read.get();
        } finally {
            SEALED_READ.remove();
        }
    }

    @SuppressWarnings("unchecked")
    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        if (SEALED_READ.get() != null) {
            return delegate.deserialize(serializedObject);
        }
        String type = simpleName(serializedObject.getType().getName());
        Class<?> target = PersonalData.hasPersonalData(type) ? delegate.classForType(serializedObject.getType()) : null;
        if (target == null || UnknownSerializedType.class.equals(target)) {
            return delegate.deserialize(serializedObject);
        }
        byte[] bytes = delegate.getConverter().convert(serializedObject, byte[].class).getData();
        JsonNode tree = READER.readTree(bytes);
        PersonalJson.open(tree, type, keys::find);
        return (T) READER.treeToValue(tree, target);
    }

    /** "a.b.Outer$Inner" and "a.b.Inner" are both "Inner". */
    static String simpleName(String className) {
        return className.substring(Math.max(className.lastIndexOf('.'), className.lastIndexOf('$')) + 1);
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @SuppressWarnings("rawtypes")
    @Override
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }
}
