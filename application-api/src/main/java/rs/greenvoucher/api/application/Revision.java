package rs.greenvoucher.api.application;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The revision of an event's stored shape. Raise it when a field is added, renamed or changes meaning, and add an
 * upcaster that brings the stored older revisions to the new one (core's {@code upcasting} package); golden payloads
 * of every revision in core's tests fail the build when a change would silently drop stored data. No revision means
 * the first shape.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Revision {
    String value();
}
