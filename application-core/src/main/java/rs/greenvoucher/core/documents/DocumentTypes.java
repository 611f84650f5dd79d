package rs.greenvoucher.core.documents;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;
import rs.greenvoucher.platform.refusal.Refusal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a file is, from its bytes (Apache Tika's magic numbers), never from its name: PDF, PNG, JPEG and the office
 * formats a Serbian SME sends (Word, Excel and PowerPoint, old and new, and OpenDocument). Anything else, an executable
 * renamed to .pdf or a plain zip included, is refused. A zip-based office file is told apart by the names in its
 * central directory, read without inflating anything, so a zip bomb costs nothing here (docs/adr/0028).
 */
final class DocumentTypes {

    /** What the bytes are, and whether a browser may show them (never run them). */
    record Detected(String mediaType, boolean inlineSafe) {
    }

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    static final String OLE2 = "application/x-tika-msoffice";

    private static final Set<String> SHOWN = Set.of("application/pdf", "image/png", "image/jpeg");
    private static final Set<String> KEPT = Set.of(DOCX, XLSX, PPTX, OLE2, "application/msword",
            "application/vnd.ms-excel", "application/vnd.ms-powerpoint",
            "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
            "application/vnd.oasis.opendocument.presentation");
    /** Names a PDF uses to run something when it is opened; such a PDF is kept but only ever downloaded. */
    private static final List<String> PDF_ACTIONS = List.of("/JavaScript", "/JS", "/Launch", "/OpenAction", "/AA",
            "/EmbeddedFile", "/RichMedia", "/XFA", "/SubmitForm");

    private static final MimeTypes TIKA = MimeTypes.getDefaultMimeTypes();

    private DocumentTypes() {
    }

    static Detected detect(byte[] bytes) {
        String type = tika(bytes);
        if ("application/zip".equals(type) || "application/x-tika-ooxml".equals(type)) {
            type = officeInZip(bytes);
        }
        if (type != null && SHOWN.contains(type)) {
            return new Detected(type, !"application/pdf".equals(type) || !runsSomething(bytes));
        }
        if (type != null && KEPT.contains(type)) {
            return new Detected(type, false);
        }
        throw new Refusal(rs.greenvoucher.api.value.RefusalCode.VALIDATION_FAILED,
                "This kind of file is not accepted: send a PDF, a PNG or JPEG image, or a Word, Excel, PowerPoint or "
                        + "OpenDocument file.", List.of(new Refusal.Field("file", "not a PDF, image or office document")));
    }

    private static String tika(byte[] bytes) {
        try {
            MediaType type = TIKA.detect(new ByteArrayInputStream(bytes), new Metadata());
            return type.getBaseType().toString();
        } catch (IOException e) {
            return null; // cannot happen on an array
        }
    }

    private static boolean runsSomething(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        for (String action : PDF_ACTIONS) {
            int at = text.indexOf(action);
            while (at >= 0) {
                int next = at + action.length();
                // a name ends at a delimiter: "/JS" is not "/JSON"
                if (next >= text.length() || !Character.isLetterOrDigit(text.charAt(next))) {
                    return true;
                }
                at = text.indexOf(action, next);
            }
        }
        return false;
    }

    /** The OOXML or OpenDocument type of a zip by its entries' names (the central directory), or null. */
    private static String officeInZip(byte[] bytes) {
        List<String> names = centralDirectoryNames(bytes);
        if (names.contains("[Content_Types].xml")) {
            for (String name : names) {
                if (name.startsWith("word/")) {
                    return DOCX;
                }
                if (name.startsWith("xl/")) {
                    return XLSX;
                }
                if (name.startsWith("ppt/")) {
                    return PPTX;
                }
            }
        }
        return null;
    }

    /** The entries' names from the end-of-central-directory record; empty when it is not a well-formed zip. */
    static List<String> centralDirectoryNames(byte[] b) {
        List<String> names = new ArrayList<>();
        int end = -1;
        for (int i = b.length - 22; i >= Math.max(0, b.length - 22 - 65_535); i--) {
            if (int32(b, i) == 0x06054b50) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            return names;
        }
        int count = int16(b, end + 10);
        long offset = int32(b, end + 16) & 0xffffffffL;
        int at = (int) Math.min(offset, b.length);
        for (int n = 0; n < count && n < 10_000 && at + 46 <= b.length && int32(b, at) == 0x02014b50; n++) {
            int nameLength = int16(b, at + 28);
            int extra = int16(b, at + 30);
            int comment = int16(b, at + 32);
            if (at + 46 + nameLength > b.length) {
                break;
            }
            names.add(new String(b, at + 46, nameLength, StandardCharsets.UTF_8));
            at += 46 + nameLength + extra + comment;
        }
        return names;
    }

    private static int int16(byte[] b, int at) {
        return at + 2 > b.length ? -1 : (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    private static int int32(byte[] b, int at) {
        return at + 4 > b.length || at < 0 ? -1
                : (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }
}
