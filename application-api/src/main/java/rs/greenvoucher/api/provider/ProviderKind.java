package rs.greenvoucher.api.provider;

/** The kinds of R&D organisation on the list; INDIVIDUAL_CONSULTANT exists only to be refused (P2). */
public enum ProviderKind {
    FACULTY, UNIVERSITY, COLLEGE, INSTITUTE, RESEARCH_CENTRE, INNOVATION_CENTRE, PUBLIC_BODY, COMPANY,
    INDIVIDUAL_CONSULTANT
}
