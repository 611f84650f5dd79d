package rs.greenvoucher.platform.axon;

import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import rs.greenvoucher.api.privacy.PersonalData;
import rs.greenvoucher.platform.privacy.PersonalJson;
import rs.greenvoucher.platform.privacy.PersonalKeys;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event store's serializer with the personal fields ({@link PersonalData}) sealed on the way in and opened on the
 * way out, with each application's key (docs/adr/0011). Every other type, and every other use (tokens, dead
 * letters' metadata), passes through unchanged; upcasters see the sealed form and never read personal fields.
 */
public final class SealingSerializer implements Serializer {

    private static final JsonMapper JSON = PersonalJson.EXACT;

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

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        String type = simpleName(serializedObject.getType().getName());
        if (!PersonalData.hasPersonalData(type)) {
            return delegate.deserialize(serializedObject);
        }
        byte[] bytes = delegate.getConverter().convert(serializedObject, byte[].class).getData();
        JsonNode tree = JSON.readTree(bytes);
        PersonalJson.open(tree, type, keys::find);
        return delegate.deserialize(new SimpleSerializedObject<>(JSON.writeValueAsBytes(tree), byte[].class,
                serializedObject.getType()));
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
