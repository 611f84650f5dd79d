package rs.greenvoucher.api.application;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Serbia's statistical regions (NUTS 2), written as the contract names them. */
public enum Region {
    @JsonProperty("Belgrade") BELGRADE,
    @JsonProperty("Vojvodina") VOJVODINA,
    @JsonProperty("Šumadija and Western Serbia") SUMADIJA_AND_WESTERN_SERBIA,
    @JsonProperty("Southern and Eastern Serbia") SOUTHERN_AND_EASTERN_SERBIA;

    public String label() {
        return switch (this) {
            case BELGRADE -> "Belgrade";
            case VOJVODINA -> "Vojvodina";
            case SUMADIJA_AND_WESTERN_SERBIA -> "Šumadija and Western Serbia";
            case SOUTHERN_AND_EASTERN_SERBIA -> "Southern and Eastern Serbia";
        };
    }
}
