package rs.greenvoucher.api.application;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The name each event is stored under in the event store. Every event was once nested in {@link ApplicationEvent}, and
 * the store (and its upcasters and queries) know it as {@code ApplicationEvent$Name}; the decision events now live in
 * {@link DecisionEvent} and keep that name, so nothing stored has to be rewritten.
 */
public final class StoredEventNames {

    private static final String STORED_PREFIX = ApplicationEvent.class.getName() + "$";
    private static final Map<String, Class<?>> MOVED = Arrays.stream(DecisionEvent.class.getPermittedSubclasses())
            .flatMap(c -> c.isInterface() ? Arrays.stream(c.getPermittedSubclasses()) : Stream.of(c))
            .collect(Collectors.toUnmodifiableMap(c -> STORED_PREFIX + c.getSimpleName(), c -> c));

    private StoredEventNames() {
    }

    private static final String MOVED_PREFIX = DecisionEvent.class.getName() + "$";

    /** The name a class's events are stored under. */
    public static String of(Class<?> type) {
        return of(type.getName());
    }

    /** The name the class of this name is stored under. */
    public static String of(String className) {
        return className.startsWith(MOVED_PREFIX) ? STORED_PREFIX + className.substring(MOVED_PREFIX.length()) : className;
    }

    /** The class name of a stored name (the same, but for the events that moved). */
    public static String className(String storedName) {
        Class<?> moved = MOVED.get(storedName);
        return moved == null ? storedName : moved.getName();
    }
}
