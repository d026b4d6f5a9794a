/// The customer as recorded at receipt. `id` is opaque (never a phone number or a name); the
/// other fields are personal data (DOMAIN.md §8).
public struct CustomerDetails: Hashable, Sendable, Codable {
    /// Opaque customer id (1–128 bytes of UTF-8), stored in clear.
    public var id: String
    /// The customer's name (personal).
    public var name: String?
    /// The customer's phone number (personal).
    public var phone: String?
    /// The customer's e-mail address (personal).
    public var email: String?

    /// Creates customer details.
    public init(id: String, name: String? = nil, phone: String? = nil, email: String? = nil) {
        self.id = id
        self.name = name
        self.phone = phone
        self.email = email
    }
}
