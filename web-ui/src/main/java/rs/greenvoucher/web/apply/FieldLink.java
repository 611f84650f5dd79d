package rs.greenvoucher.web.apply;

import rs.greenvoucher.web.portal.Forms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An error at a field of the form, with the step and the anchor that fix it: a message key, or a service's message. */
record FieldLink(String field, String key, String message, int step, String anchor) {

    /** The portal's own errors (field → message key). */
    static List<FieldLink> links(Map<String, String> errors) {
        List<FieldLink> links = new ArrayList<>();
        errors.forEach((field, key) -> links.add(new FieldLink(field, key, null, Steps.stepOf(field), Forms.anchor(field))));
        return links;
    }

    /** A service's errors (field → its message). */
    static List<FieldLink> ofMessages(Map<String, String> fields) {
        List<FieldLink> links = new ArrayList<>();
        fields.forEach((field, message) -> links.add(new FieldLink(field, null, message, Steps.stepOf(field), Forms.anchor(field))));
        return links;
    }
}
