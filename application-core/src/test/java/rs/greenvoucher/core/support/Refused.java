package rs.greenvoucher.core.support;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;
import rs.greenvoucher.api.value.RefusalCode;
import rs.greenvoucher.api.value.RuleCode;
import rs.greenvoucher.platform.refusal.Refusal;

import java.util.List;

/** For fixture tests: the command was refused with this code, naming exactly these scheme rules. */
public final class Refused {

    private Refused() {
    }

    public static Matcher<Object> refused(RefusalCode code, RuleCode... rules) {
        return new TypeSafeDiagnosingMatcher<>(Object.class) {
            @Override
            protected boolean matchesSafely(Object item, Description mismatch) {
                if (!(item instanceof Refusal refusal)) {
                    mismatch.appendText("was ").appendValue(item);
                    return false;
                }
                mismatch.appendText("was ").appendValue(refusal.code()).appendText(" for ").appendValue(refusal.rules());
                return refusal.code() == code && refusal.rules().equals(List.of(rules));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal ").appendValue(code).appendText(" for ").appendValue(List.of(rules));
            }
        };
    }
}
