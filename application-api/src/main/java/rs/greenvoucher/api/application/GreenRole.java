package rs.greenvoucher.api.application;

/** E4: a green technology end-user or supplier. */
public enum GreenRole {
    END_USER, SUPPLIER
}
