import BinaryCoding
import ComplaintPrivacy
import ComplaintWorkflow

/// How the personal fields of DOMAIN.md §8 (``PersonalFields``) are sealed in a payload's value tree.
///
/// Sealing replaces each personal string with the bytes of a ``SealedField`` under the customer's
/// key (a list of strings becomes a list of sealed bytes), before the payload is encoded, hashed and
/// stored. Revealing reverses it, or puts ``SealedField/erased`` where the key was destroyed.
enum PersonalData {
    /// Paths of the personal fields of each event type (the domain's list, split at the dots).
    static func paths(of type: EventType) -> [[String]] {
        PersonalFields.of(type).map { $0.split(separator: ".").map(String.init) }
    }

    static func seal(_ tree: BinaryValue, type: EventType, customerId: String, keys: CustomerKeyStore) throws -> BinaryValue {
        let paths = paths(of: type)
        guard !paths.isEmpty else { return tree }
        let key = try keys.key(for: customerId)
        var result = tree
        for path in paths {
            let label = type.typeName + "." + path.joined(separator: ".")
            result = try transform(result, at: path[...]) { value in
                switch value {
                case .string(let text): return .bytes(try SealedField.seal(text, field: label, key: key))
                default: return value
                }
            }
        }
        return result
    }

    static func reveal(_ tree: BinaryValue, type: EventType, customerId: String?, keys: CustomerKeyStore) throws -> BinaryValue {
        let paths = paths(of: type)
        guard !paths.isEmpty else { return tree }
        let key = customerId.flatMap { keys.existingKey(for: $0) }
        var result = tree
        for path in paths {
            let label = type.typeName + "." + path.joined(separator: ".")
            result = try transform(result, at: path[...]) { value in
                guard case .bytes(let sealed) = value else { return value }
                guard let key else { return .string(SealedField.erased) }
                return .string(try SealedField.open(sealed, field: label, key: key))
            }
        }
        return result
    }

    /// Applies `change` to the value at `path` (and to each element when it is a list).
    private static func transform(
        _ tree: BinaryValue, at path: ArraySlice<String>, _ change: (BinaryValue) throws -> BinaryValue
    ) throws -> BinaryValue {
        guard let head = path.first else {
            if case .array(let items) = tree { return .array(try items.map(change)) }
            return try change(tree)
        }
        guard let child = tree[head] else { return tree }
        var result = tree
        result[head] = try transform(child, at: path.dropFirst(), change)
        return result
    }
}
