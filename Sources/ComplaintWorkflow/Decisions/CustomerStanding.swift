/// What the store knows about a customer id.
public enum CustomerStanding: String, Hashable, Sendable {
    /// No complaint names this customer.
    case unknown
    /// At least one complaint names this customer.
    case known
    /// The customer was forgotten (crypto-shredded); the id cannot be used again.
    case forgotten
}
