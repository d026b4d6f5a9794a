import BinaryCoding
import ComplaintPrivacy
import ComplaintWorkflow

/// How the personal fields of DOMAIN.md §8 (``PersonalFields``) are sealed in a payload's value tree.
///
/// Sealing replaces each personal string with the bytes of a ``SealedField`` under the customer's
/// key (a list of strings becomes a list of sealed bytes), before the payload is encoded, hashed and
/// stored. Revealing reverses it, or puts ``SealedField/erased`` where the key was destroyed.
enum PersonalData {
    /// One personal field of an event type: its path (the domain's dotted name split at the dots)
    /// and the label its sealed bytes are bound to (`Type.dotted.path`).
    struct Field {
        let path: [String]
        let label: String
    }

    /// The personal fields of each event type, worked out once (every record a projection or a
    /// write handles asks).
    private static let fieldsByType: [EventType: [Field]] = Dictionary(uniqueKeysWithValues: EventType.allCases.map { type in
        (type, PersonalFields.of(type).map { dotted in
            Field(path: dotted.split(separator: ".").map(String.init), label: type.typeName + "." + dotted)
        })
    })

    /// The personal fields of `type` (empty when it has none).
    static func fields(of type: EventType) -> [Field] { fieldsByType[type] ?? [] }

    static func seal(_ tree: BinaryValue, type: EventType, customerId: String, keys: CustomerKeyStore) throws -> BinaryValue {
        let fields = fields(of: type)
        guard !fields.isEmpty else { return tree }
        let key = try keys.key(for: customerId)
        var result = tree
        for field in fields {
            let label = field.label
            try transform(&result, at: field.path[...]) { value in
                switch value {
                case .string(let text): return .bytes(try SealedField.seal(text, field: label, key: key))
                default: return value
                }
            }
        }
        return result
    }

    static func reveal(_ tree: BinaryValue, type: EventType, customerId: String?, keys: CustomerKeyStore) throws -> BinaryValue {
        let fields = fields(of: type)
        guard !fields.isEmpty else { return tree }
        let key = customerId.flatMap { keys.existingKey(for: $0) }
        var result = tree
        for field in fields {
            let label = field.label
            try transform(&result, at: field.path[...]) { value in
                guard case .bytes(let sealed) = value else { return value }
                guard let key else { return .string(SealedField.erased) }
                return .string(try SealedField.open(sealed, field: label, key: key))
            }
        }
        return result
    }

    /// Applies `change` to the value at `path` (and to each element when it is a list), in place:
    /// each map on the way is taken out of `tree` while it changes, so it is not copied. When
    /// `change` throws, `tree` is left unspecified (callers work on a copy they then drop).
    private static func transform(
        _ tree: inout BinaryValue, at path: ArraySlice<String>, _ change: (BinaryValue) throws -> BinaryValue
    ) throws {
        guard let head = path.first else {
            if case .array(let items) = tree { tree = .array(try items.map(change)) } else { tree = try change(tree) }
            return
        }
        guard case .map(var fields) = tree, var child = fields[head] else { return }
        tree = .null
        fields[head] = .null
        try transform(&child, at: path.dropFirst(), change)
        fields[head] = child
        tree = .map(fields)
    }
}
