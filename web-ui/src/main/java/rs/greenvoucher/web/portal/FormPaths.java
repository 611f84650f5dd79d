package rs.greenvoucher.web.portal;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fields of a form by their path, such as {@code project.services[1].costEur}: read and written. */
public final class FormPaths {

    private FormPaths() {
    }

    public static int count(Object root, String path) {
        return get(root, path) instanceof List<?> l ? l.size() : 0;
    }

    /** The list at a path, or an empty one. */
    public static List<?> list(Object root, String path) {
        return get(root, path) instanceof List<?> l ? l : List.of();
    }

    /**
     * The value at a path of a form: a draft's (maps and lists, as typed) or a submitted one's (the records of
     * {@code ApplicationForm} or {@code ApplicationView}, a component by its name), so one page fragment shows both.
     */
    public static Object get(Object root, String path) {
        Object node = root;
        for (String part : parts(path)) {
            if (node instanceof Map<?, ?> m && !part.matches("\\d+")) {
                node = m.get(part);
            } else if (node instanceof Record r && !part.matches("\\d+")) {
                node = component(r, part);
            } else if (node instanceof List<?> l && part.matches("\\d+")) {
                int i = Integer.parseInt(part);
                node = i < l.size() ? l.get(i) : null;
            } else {
                return null;
            }
        }
        return node;
    }

    private static Object component(Record record, String name) {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            if (component.getName().equals(name)) {
                try {
                    java.lang.reflect.Method accessor = component.getAccessor();
                    accessor.trySetAccessible(); // a page's own row records are not public
                    return accessor.invoke(record);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    public static void set(Map<String, Object> root, String path, Object value) {
        List<String> parts = parts(path);
        Object node = root;
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            boolean last = i == parts.size() - 1;
            boolean nextIsIndex = !last && parts.get(i + 1).matches("\\d+");
            if (node instanceof Map<?, ?> m) {
                Map<String, Object> map = (Map<String, Object>) m;
                if (last) {
                    map.put(part, value);
                } else {
                    node = map.computeIfAbsent(part, k -> nextIsIndex ? new ArrayList<>() : new LinkedHashMap<>());
                }
            } else if (node instanceof List<?> l) {
                List<Object> list = (List<Object>) l;
                int index = Integer.parseInt(part);
                while (list.size() <= index) {
                    list.add(last ? null : (nextIsIndex ? new ArrayList<>() : new LinkedHashMap<>()));
                }
                if (last) {
                    list.set(index, value);
                } else {
                    node = list.get(index);
                }
            }
        }
    }

    static List<String> parts(String path) {
        List<String> parts = new ArrayList<>();
        for (String p : path.replace("]", "").split("[.\\[]")) {
            if (!p.isEmpty()) {
                parts.add(p);
            }
        }
        return parts;
    }
}
