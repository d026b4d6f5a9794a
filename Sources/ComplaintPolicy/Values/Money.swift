/// An amount of money in minor units (fen for CNY), never negative (DOMAIN.md §1).
public struct Money: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The amount in minor units; never negative.
    public let amount: Int
    /// The ISO 4217 currency code, three upper-case ASCII letters (e.g. `CNY`).
    public let currency: String

    /// Creates an amount.
    ///
    /// - Throws: ``PolicyValueError`` (field `amount` or `currency`) for a negative amount or a
    ///   currency that is not three upper-case letters.
    public init(amount: Int, currency: String = "CNY") throws(PolicyValueError) {
        guard amount >= 0 else {
            throw PolicyValueError(field: "amount", reason: "must not be negative, got \(amount)")
        }
        let bytes = Array(currency.utf8)
        guard bytes.count == 3, bytes.allSatisfy({ (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }) else {
            throw PolicyValueError(field: "currency", reason: "'\(currency)' is not a three-letter ISO 4217 code")
        }
        self.amount = amount
        self.currency = currency
    }

    private enum CodingKeys: String, CodingKey {
        case amount, currency
    }

    /// Decodes `{amount, currency}` and applies the same checks as ``init(amount:currency:)``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let amount = try container.decode(Int.self, forKey: .amount)
        let currency = try container.decode(String.self, forKey: .currency)
        do {
            try self.init(amount: amount, currency: currency)
        } catch {
            throw DecodingError.dataCorruptedError(
                forKey: error.field == "amount" ? .amount : .currency, in: container,
                debugDescription: error.description)
        }
    }

    /// `12.34 CNY` style: the amount with two minor digits, then the currency.
    public var description: String {
        let major = amount / 100
        let minor = amount % 100
        return "\(major).\(minor < 10 ? "0" : "")\(minor) \(currency)"
    }
}
