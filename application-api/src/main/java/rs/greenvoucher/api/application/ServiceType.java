package rs.greenvoucher.api.application;

/** S1: the eligible R&D services. OTHER needs a justification and only the committee can accept it. */
public enum ServiceType {
    PROOF_OF_CONCEPT, DEVELOPMENT, PROTOTYPING, TESTING, CERTIFICATION, INNOVATIVE_IMPROVEMENT,
    INNOVATION_MANAGEMENT_TRAINING, IP_CONSULTING, OTHER
}
