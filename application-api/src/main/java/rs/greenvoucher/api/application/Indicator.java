package rs.greenvoucher.api.application;

/** S3: the measurable environmental benefits the scheme reports on, each with its usual unit. */
public enum Indicator {
    CO2_REDUCED("tCO2e/year"),
    ENERGY_SAVED("MWh/year"),
    WATER_SAVED("m3/year"),
    WASTE_REDUCED("t/year"),
    MATERIAL_SAVED("t/year"),
    RENEWABLE_ENERGY_PRODUCED("MWh/year");

    private final String usualUnit;

    Indicator(String usualUnit) {
        this.usualUnit = usualUnit;
    }

    public String usualUnit() {
        return usualUnit;
    }
}
