package rs.greenvoucher.web.apply;

/** The steps' names for the pages (their message keys are step.NAME). */
public final class StepNames {

    private StepNames() {
    }

    public static String of(int step) {
        return Steps.name(step);
    }
}
