/// A complaint category (DOMAIN.md §1; complaint-process.md §3.1).
///
/// An open set: the seven defaults are the union of 002 §6.1 and 003 §2.3, and a policy may add
/// more (``ServicePolicy/categories``). A raw value must be a lowerCamelCase identifier; whether
/// it is allowed is a policy question, answered by the policy's category list.
public struct Category: RawRepresentable, Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// The lowerCamelCase name, e.g. `productQuality`.
    public let rawValue: String

    /// Wraps `rawValue` when it is a lowerCamelCase identifier of 1–64 ASCII letters and digits.
    public init?(rawValue: String) {
        guard Self.isWellFormed(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    /// Service attitude (服務態度類).
    public static let serviceAttitude = Category(known: "serviceAttitude")
    /// Product or merchandise quality (產品質量類, 商品服務類).
    public static let productQuality = Category(known: "productQuality")
    /// After-sales service (售后服務類).
    public static let afterSales = Category(known: "afterSales")
    /// Order handling (訂單處理類).
    public static let orderHandling = Category(known: "orderHandling")
    /// Logistics and delivery (物流配送類).
    public static let logistics = Category(known: "logistics")
    /// Systems and technology (系統技術類).
    public static let systemTech = Category(known: "systemTech")
    /// Anything else (其他類).
    public static let other = Category(known: "other")

    /// The seven default categories, in the contract's order.
    public static let defaults: [Category] = [
        .serviceAttitude, .productQuality, .afterSales, .orderHandling, .logistics, .systemTech, .other,
    ]

    /// Parses a category name; any well-formed name is accepted (policies may add categories).
    ///
    /// - Throws: ``PolicyValueError`` with field `category` when `raw` is not lowerCamelCase.
    public static func parse(_ raw: String) throws(PolicyValueError) -> Category {
        guard let category = Category(rawValue: raw) else {
            throw PolicyValueError(
                field: "category",
                reason: "'\(raw)' is not a lowerCamelCase name of 1–64 ASCII letters and digits")
        }
        return category
    }

    /// Decodes a single well-formed string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        do {
            self = try Self.parse(raw)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    /// Encodes the raw value as a single string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// Orders by raw value (UTF-8 bytes), for deterministic output.
    public static func < (lhs: Category, rhs: Category) -> Bool {
        Array(lhs.rawValue.utf8).lexicographicallyPrecedes(rhs.rawValue.utf8)
    }

    /// The raw value.
    public var description: String { rawValue }

    private init(known rawValue: String) {
        self.rawValue = rawValue
    }

    private static func isWellFormed(_ raw: String) -> Bool {
        let bytes = Array(raw.utf8)
        guard let first = bytes.first, bytes.count <= 64, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first)
        else { return false }
        return bytes.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
    }
}
