package rs.greenvoucher.logverifier;

import tools.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The log as the export endpoint wrote it ({@code GET /api/admin/log/export}, JSON lines; see {@link LogJson}). */
public final class ExportLogSource implements LogSource {

    private final Path file;
    private final List<SignedHead> heads = new ArrayList<>();
    private final Map<String, PublicKey> keys = new LinkedHashMap<>();
    private long unsealed;

    public ExportLogSource(Path file) throws IOException {
        this.file = file;
        boolean known = false;
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("{\"kind\":\"entry\"")) {
                    continue;
                }
                JsonNode node = LogJson.JSON.readTree(line);
                switch (node.path("kind").asString()) {
                    case "log" -> known = LogFormat.VERSION.equals(node.path("format").asString());
                    case "key" -> keys.put(node.get("keyId").asString(), LogFormat.publicKeyFromPem(node.get("publicKey").asString()));
                    case "head" -> heads.add(LogJson.head(node));
                    case "unsealed" -> unsealed = node.get("events").asLong();
                    default -> { }
                }
            }
        }
        if (!known) {
            throw new IllegalArgumentException(file + " is not an export of the log in format " + LogFormat.VERSION);
        }
    }

    @Override
    public void entries(Consumer<ChainEntry> each) throws IOException {
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("{\"kind\":\"entry\"")) {
                    each.accept(LogJson.entry(LogJson.JSON.readTree(line)));
                }
            }
        }
    }

    @Override
    public List<SignedHead> heads() {
        return heads;
    }

    @Override
    public Map<String, PublicKey> keys() {
        return keys;
    }

    @Override
    public long unsealed() {
        return unsealed;
    }
}
