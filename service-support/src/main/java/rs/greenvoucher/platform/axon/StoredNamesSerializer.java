package rs.greenvoucher.platform.axon;

import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import rs.greenvoucher.api.application.StoredEventNames;

import java.util.function.UnaryOperator;

/**
 * Writes each event under the name it is stored as and reads it back as its class ({@link StoredEventNames}): an
 * event that moved to another file keeps the name the store, its upcasters and its queries know it by.
 */
final class StoredNamesSerializer implements Serializer {

    private final Serializer delegate;

    StoredNamesSerializer(Serializer delegate) {
        this.delegate = delegate;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        return renamed(delegate.serialize(object, expectedRepresentation), StoredEventNames::of);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        return delegate.deserialize(renamed(serializedObject, StoredEventNames::className));
    }

    @SuppressWarnings("rawtypes")
    @Override
    public Class classForType(SerializedType type) {
        return delegate.classForType(renamed(type, StoredEventNames::className));
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return renamed(delegate.typeForClass(type), StoredEventNames::of);
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }

    private static <T> SerializedObject<T> renamed(SerializedObject<T> serialized, UnaryOperator<String> name) {
        SerializedType type = renamed(serialized.getType(), name);
        return type == serialized.getType() ? serialized : new SimpleSerializedObject<>(serialized.getData(), serialized.getContentType(), type);
    }

    private static SerializedType renamed(SerializedType type, UnaryOperator<String> name) {
        String renamed = name.apply(type.getName());
        return renamed.equals(type.getName()) ? type : new SimpleSerializedType(renamed, type.getRevision());
    }
}
