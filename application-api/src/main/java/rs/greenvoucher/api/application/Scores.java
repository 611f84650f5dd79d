package rs.greenvoucher.api.application;

/** The committee's scores, 1 to 5 each. */
public record Scores(Integer resourceEfficiency, Integer scalability, Integer innovation) {

    public boolean isComplete() {
        return valid(resourceEfficiency) && valid(scalability) && valid(innovation);
    }

    private static boolean valid(Integer score) {
        return score != null && score >= 1 && score <= 5;
    }
}
