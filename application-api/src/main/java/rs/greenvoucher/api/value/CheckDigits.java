package rs.greenvoucher.api.value;

/** The check digits of Serbian registry numbers: the last digit of a string of digits, from the ones before it. */
final class CheckDigits {

    private CheckDigits() {
    }

    /** MB: the weighted sum mod 11; a remainder of 1 has no valid check digit, 0 checks as 0. */
    static boolean weightedMod11(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        int r = sum % 11;
        return r != 1 && (r == 0 ? 0 : 11 - r) == digits.charAt(weights.length) - '0';
    }

    /** PIB: ISO 7064 MOD 11,10 over all digits but the last. */
    static boolean iso7064Mod11And10(String digits) {
        int p = 10;
        for (int i = 0; i < digits.length() - 1; i++) {
            int s = (p + (digits.charAt(i) - '0')) % 10;
            p = (2 * (s == 0 ? 10 : s)) % 11;
        }
        return (11 - p) % 10 == digits.charAt(digits.length() - 1) - '0';
    }
}
