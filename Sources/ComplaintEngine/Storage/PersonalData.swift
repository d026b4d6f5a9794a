import BinaryCoding
import ComplaintPrivacy
import ComplaintWorkflow
import Crypto

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

    /// Seals the personal fields present in `tree` under `customerId`'s key, looked up only when
    /// there is one to seal (an event without personal data needs no key).
    ///
    /// - Throws: a ``WorkflowError/Code/customerForgotten`` refusal naming the field when the
    ///   customer was forgotten: their key is destroyed, so no personal data of theirs can be
    ///   recorded any more (DOMAIN.md §8). The same command without the field is accepted.
    static func seal(_ tree: BinaryValue, type: EventType, customerId: String, keys: CustomerKeyStore) throws -> BinaryValue {
        let fields = fields(of: type)
        guard !fields.isEmpty else { return tree }
        var key: SymmetricKey?
        var result = tree
        for field in fields {
            try transform(&result, at: field.path[...]) { value in
                guard case .string(let text) = value else { return value }
                let sealing = try key ?? sealingKey(for: customerId, field: field, keys: keys)
                key = sealing
                return .bytes(try SealedField.seal(text, field: field.label, key: sealing))
            }
        }
        return result
    }

    /// The customer's key to seal `field` with, or the refusal of a forgotten customer's personal data.
    private static func sealingKey(for customerId: String, field: Field, keys: CustomerKeyStore) throws -> SymmetricKey {
        do {
            return try keys.key(for: customerId)
        } catch {
            guard error.code == .customerForgotten else { throw error }
            throw WorkflowError(
                .customerForgotten, rule: "personalData",
                reason: "customer '\(customerId)' was forgotten (their key is destroyed): \(field.label) is personal data and "
                    + "cannot be recorded for them; send the command without it",
                field: field.path.joined(separator: "."))
        }
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
