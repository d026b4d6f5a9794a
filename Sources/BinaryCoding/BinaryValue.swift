/// A value in the binary encoding: the tree every Codable value is encoded into and decoded from.
///
/// Upcasters for old event schemas work on this tree (rename a key, add a default, reshape a
/// field) before the current type decodes it. Maps keep no order; they serialise in key byte order,
/// so equal values always give equal bytes.
public indirect enum BinaryValue: Sendable, Hashable {
    /// No value (`nil`).
    case null
    /// A Boolean.
    case bool(Bool)
    /// A signed integer.
    case int(Int64)
    /// An unsigned integer too large for `Int64`, or encoded from an unsigned type.
    case uint(UInt64)
    /// A floating-point number.
    case double(Double)
    /// A string.
    case string(String)
    /// Raw bytes (`Data` and `[UInt8]`).
    case bytes([UInt8])
    /// An instant (`Date`), in whole microseconds since 1970-01-01T00:00:00Z.
    case timestamp(Int64)
    /// An ordered list.
    case array([BinaryValue])
    /// Named fields.
    case map([String: BinaryValue])

    /// The field named `key` of a map, or `nil`.
    public subscript(key: String) -> BinaryValue? {
        get { if case .map(let fields) = self { fields[key] } else { nil } }
        set {
            guard case .map(var fields) = self else { return }
            fields[key] = newValue
            self = .map(fields)
        }
    }
}
