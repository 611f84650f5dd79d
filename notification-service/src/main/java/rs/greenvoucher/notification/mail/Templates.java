package rs.greenvoucher.notification.mail;

import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.api.value.RuleCode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The e-mails an applicant receives, in Serbian (Latin script) and English. Rejections explain each rule in plain
 * words, not only by its code.
 */
public final class Templates {

    public record Mail(String subject, String body) {
    }

    private static final DateTimeFormatter SR_DATE = DateTimeFormatter.ofPattern("d. M. yyyy.");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH);

    private static final Map<RuleCode, String> RULES_SR = new EnumMap<>(RuleCode.class);
    private static final Map<RuleCode, String> RULES_EN = new EnumMap<>(RuleCode.class);

    static {
        rule(RuleCode.E1, "preduzeće mora biti u većinskom privatnom domaćem vlasništvu i registrovano u Srbiji",
                "the enterprise must be majority privately and domestically owned and registered in Serbia");
        rule(RuleCode.E2, "preduzeće mora imati od 10 do 249 zaposlenih i promet do 50 miliona evra ili aktivu do 43 miliona evra",
                "the enterprise must have 10 to 249 employees and a turnover of at most EUR 50 million or assets of at most EUR 43 million");
        rule(RuleCode.E3, "preduzeće mora poslovati na tržištu duže od dve godine",
                "the enterprise must have been active in the market for more than two years");
        rule(RuleCode.E4, "preduzeće mora biti korisnik ili dobavljač zelenih tehnologija",
                "the enterprise must be a user or supplier of green technology");
        rule(RuleCode.E5, "finansijski položaj preduzeća mora biti stabilan", "the enterprise's financial position must be stable");
        rule(RuleCode.E6, "delatnost preduzeća ne sme biti bankarstvo, vojna industrija, igre na sreću, duvan ili alkohol",
                "the enterprise may not work in banking, the military industry, gambling, tobacco or alcohol");
        rule(RuleCode.E7, "preduzeće ne sme biti povezano sa izabranim pružaocem usluga",
                "the enterprise may not be affiliated with a chosen provider");
        rule(RuleCode.E8, "ne sme biti sudskih postupaka koji mogu uticati na projekat",
                "there may be no legal proceedings that could affect the project");
        rule(RuleCode.E9, "usluga ne sme biti započeta pre odluke", "the service may not have started before the decision");
        rule(RuleCode.E10, "preduzeće mora samo da plati najmanje 10 % cene usluge", "the enterprise must pay at least 10 % of the service cost itself");
        rule(RuleCode.S1, "usluga mora biti jedna od prihvatljivih istraživačko-razvojnih usluga", "each service must be an eligible R&D service");
        rule(RuleCode.S2, "prodaja, marketing, savetovanje i sertifikacija sistema menadžmenta (ISO 9000/14001) nisu prihvatljivi",
                "sales, marketing, advisory services and ISO 9000/14001 management-system certification are not eligible");
        rule(RuleCode.S3, "projekat mora imati merljivu korist za životnu sredinu", "the project must have a measurable environmental benefit");
        rule(RuleCode.S4, "vaučer pokriva najviše 90 % cene usluge bez PDV-a, do iznosa propisanog pozivom",
                "the voucher covers at most 90 % of the service cost excluding VAT, up to the call's maximum");
        rule(RuleCode.L1, "jedno preduzeće može dobiti samo jedan vaučer", "an enterprise can hold only one voucher");
        rule(RuleCode.L2, "projekat može imati najviše tri pružaoca usluga", "a project can have at most three providers");
        rule(RuleCode.L3, "pružalac usluga ne može biti korisnik vaučera", "a provider cannot be a voucher beneficiary");
        rule(RuleCode.L4, "budžet poziva je potrošen", "the call's budget is used up");
        rule(RuleCode.P1, "izabrani pružalac usluga nije na listi aktivnih pružalaca", "a chosen provider is not on the list of active providers");
        rule(RuleCode.P2, "pojedinačni konsultanti ne mogu biti pružaoci usluga", "individual consultants cannot be providers");
        rule(RuleCode.P3, "pružalac usluga mora biti prethodno kvalifikovan", "a provider must be pre-qualified");
    }

    private static void rule(RuleCode code, String sr, String en) {
        RULES_SR.put(code, sr);
        RULES_EN.put(code, en);
    }

    private Templates() {
    }

    public static String explain(RuleCode code, String language) {
        return ("en".equals(language) ? RULES_EN : RULES_SR).get(code);
    }

    public static Mail verifyEmail(String lang, String name, String link, java.time.Instant expiresAt) {
        java.time.LocalDateTime until = java.time.LocalDateTime.ofInstant(expiresAt, rs.greenvoucher.api.SchemeRules.ZONE);
        return sr(lang)
                ? new Mail("Potvrdite adresu e-pošte — Zeleni vaučer",
                "Poštovani/a " + name + ",\n\nda biste podneli prijavu, potvrdite da je ova adresa vaša:\n\n" + link
                        + "\n\nVeza važi do " + SR_DATE.format(until) + " " + TIME.format(until)
                        + ". Ako se niste vi prijavili, zanemarite ovu poruku.\n\nZeleni vaučer")
                : new Mail("Confirm your e-mail address — Green Voucher",
                "Dear " + name + ",\n\nto submit an application, confirm that this address is yours:\n\n" + link
                        + "\n\nThe link works until " + EN_DATE.format(until) + " " + TIME.format(until)
                        + " (Belgrade time). If you did not sign up, ignore this message.\n\nGreen Voucher");
    }

    public static Mail locked(String lang, String name, java.time.Instant until) {
        java.time.LocalDateTime local = java.time.LocalDateTime.ofInstant(until, rs.greenvoucher.api.SchemeRules.ZONE);
        return sr(lang)
                ? new Mail("Prijava na nalog je privremeno zaključana — Zeleni vaučer",
                "Poštovani/a " + name + ",\n\nzbog više pogrešnih lozinki zaredom prijava na vaš nalog je zaključana do "
                        + TIME.format(local) + " (" + SR_DATE.format(local) + ").\nAko to niste bili vi, posle toga promenite lozinku."
                        + "\n\nZeleni vaučer")
                : new Mail("Sign-in to your account is locked for a while — Green Voucher",
                "Dear " + name + ",\n\nafter several wrong passwords in a row, sign-in to your account is locked until "
                        + TIME.format(local) + " on " + EN_DATE.format(local) + " (Belgrade time).\nIf it was not you, change your"
                        + " password afterwards.\n\nGreen Voucher");
    }

    public static Mail submitted(String lang, String name, String trackingCode, String project) {
        return sr(lang)
                ? new Mail("Prijava primljena — " + trackingCode,
                "Poštovani/a " + name + ",\n\nvaša prijava za zeleni inovacioni vaučer za projekat „" + project
                        + "“ je primljena.\nBroj za praćenje: " + trackingCode
                        + "\n\nO svakoj promeni statusa obavestićemo vas e-poštom.\n\nZeleni vaučer")
                : new Mail("Application received — " + trackingCode,
                "Dear " + name + ",\n\nyour application for a green innovation voucher for the project \"" + project
                        + "\" has been received.\nTracking code: " + trackingCode
                        + "\n\nWe will e-mail you whenever its status changes.\n\nGreen Voucher");
    }

    public static Mail screened(String lang, String name, String trackingCode, String note) {
        String extra = note == null || note.isBlank() ? "" : "\n\n" + note;
        return sr(lang)
                ? new Mail("Prijava je prošla proveru prihvatljivosti — " + trackingCode,
                "Poštovani/a " + name + ",\n\nvaša prijava " + trackingCode + " je prošla proveru prihvatljivosti. "
                        + "Sledeći korak je izbor pružalaca usluga." + extra + "\n\nZeleni vaučer")
                : new Mail("Your application passed the eligibility check — " + trackingCode,
                "Dear " + name + ",\n\nyour application " + trackingCode + " passed the eligibility check. "
                        + "The next step is matching it with R&D providers." + extra + "\n\nGreen Voucher");
    }

    public static Mail matched(String lang, String name, String trackingCode, List<String> providers) {
        String list = providers.stream().map(p -> "  • " + p).collect(Collectors.joining("\n"));
        return sr(lang)
                ? new Mail("Izabrani pružaoci usluga — " + trackingCode,
                "Poštovani/a " + name + ",\n\nza vašu prijavu " + trackingCode + " izabrani su pružaoci usluga:\n" + list
                        + "\n\nPrijava sada ide pred komisiju.\n\nZeleni vaučer")
                : new Mail("R&D providers matched — " + trackingCode,
                "Dear " + name + ",\n\nyour application " + trackingCode + " has been matched with:\n" + list
                        + "\n\nIt now goes to the committee.\n\nGreen Voucher");
    }

    public static Mail approved(String lang, String name, String trackingCode, BigDecimal amount, LocalDate validUntil) {
        return sr(lang)
                ? new Mail("Vaučer odobren — " + trackingCode,
                "Poštovani/a " + name + ",\n\nčestitamo! Za prijavu " + trackingCode + " odobren je vaučer u iznosu od "
                        + eur(amount, lang) + " EUR.\nRadove treba završiti i prijaviti najkasnije " + SR_DATE.format(validUntil)
                        + "\n\nZeleni vaučer")
                : new Mail("Voucher approved — " + trackingCode,
                "Dear " + name + ",\n\ncongratulations! A voucher of EUR " + eur(amount, lang) + " has been approved for "
                        + trackingCode + ".\nThe work must be completed and reported by " + EN_DATE.format(validUntil)
                        + ".\n\nGreen Voucher");
    }

    public static Mail rejected(String lang, String name, String trackingCode, List<RuleCode> rules, String reason) {
        String reasons = rules.stream().map(r -> "  • " + explain(r, lang) + " (" + r.name() + ")").collect(Collectors.joining("\n"));
        String why = (reason == null || reason.isBlank() ? "" : "\n\n" + reason);
        return sr(lang)
                ? new Mail("Prijava nije prihvaćena — " + trackingCode,
                "Poštovani/a " + name + ",\n\nnažalost, vaša prijava " + trackingCode + " nije prihvaćena"
                        + (reasons.isEmpty() ? "." : " jer:\n" + reasons) + why
                        + "\n\nPreduzeće može ponovo da se prijavi.\n\nZeleni vaučer")
                : new Mail("Your application was not accepted — " + trackingCode,
                "Dear " + name + ",\n\nunfortunately your application " + trackingCode + " was not accepted"
                        + (reasons.isEmpty() ? "." : " because:\n" + reasons) + why
                        + "\n\nThe enterprise may apply again.\n\nGreen Voucher");
    }

    public static Mail withdrawn(String lang, String name, String trackingCode) {
        return sr(lang)
                ? new Mail("Prijava povučena — " + trackingCode, "Poštovani/a " + name + ",\n\npotvrđujemo da je prijava "
                + trackingCode + " povučena.\n\nZeleni vaučer")
                : new Mail("Application withdrawn — " + trackingCode, "Dear " + name + ",\n\nwe confirm that application "
                + trackingCode + " has been withdrawn.\n\nGreen Voucher");
    }

    public static Mail reportReturned(String lang, String name, String trackingCode, String note) {
        String extra = note == null || note.isBlank() ? "" : "\n\n" + note;
        return sr(lang)
                ? new Mail("Izveštaj o završetku je vraćen — " + trackingCode, "Poštovani/a " + name + ",\n\nizveštaj o završetku za "
                + trackingCode + " je vraćen na dopunu." + extra + "\n\nZeleni vaučer")
                : new Mail("Completion report returned — " + trackingCode, "Dear " + name + ",\n\nthe completion report for "
                + trackingCode + " was returned for changes." + extra + "\n\nGreen Voucher");
    }

    public static Mail completed(String lang, String name, String trackingCode, BigDecimal paid) {
        return sr(lang)
                ? new Mail("Vaučer realizovan — " + trackingCode, "Poštovani/a " + name + ",\n\nzavršetak projekta " + trackingCode
                + " je potvrđen. Iznos od " + eur(paid, lang) + " EUR biće vam refundiran.\n\nZeleni vaučer")
                : new Mail("Voucher completed — " + trackingCode, "Dear " + name + ",\n\nthe completion of " + trackingCode
                + " has been verified. EUR " + eur(paid, lang) + " will be reimbursed to you.\n\nGreen Voucher");
    }

    public static Mail expired(String lang, String name, String trackingCode) {
        return sr(lang)
                ? new Mail("Vaučer je istekao — " + trackingCode, "Poštovani/a " + name + ",\n\nvaučer " + trackingCode
                + " je istekao jer završetak nije prijavljen i potvrđen na vreme.\n\nZeleni vaučer")
                : new Mail("Voucher expired — " + trackingCode, "Dear " + name + ",\n\nvoucher " + trackingCode
                + " has expired because completion was not reported and verified in time.\n\nGreen Voucher");
    }

    public static Mail reminder(String lang, String name, String trackingCode, LocalDate validUntil) {
        return sr(lang)
                ? new Mail("Podsetnik: rok za vaučer ističe " + SR_DATE.format(validUntil) + " — " + trackingCode,
                "Poštovani/a " + name + ",\n\npodsećamo vas da rok za završetak i prijavu radova za vaučer " + trackingCode
                        + " ističe " + SR_DATE.format(validUntil) + "\n\nZeleni vaučer")
                : new Mail("Reminder: your voucher's deadline is " + EN_DATE.format(validUntil) + " — " + trackingCode,
                "Dear " + name + ",\n\nthis is a reminder that the work for voucher " + trackingCode
                        + " must be completed and reported by " + EN_DATE.format(validUntil) + ".\n\nGreen Voucher");
    }

    private static String eur(BigDecimal amount, String lang) {
        return Money.display(amount, lang);
    }

    private static boolean sr(String lang) {
        return !"en".equals(lang);
    }
}
