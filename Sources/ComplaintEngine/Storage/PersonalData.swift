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
    /// Paths of the personal fields of each event type (the domain's list, split at the dots).
    static func paths(of type: EventType) -> [[String]] {
        PersonalFields.of(type).map { $0.split(separator: ".").map(String.init) }
    }

    /// Seals the personal fields present in `tree` under `customerId`'s key, looked up only when
    /// there is one to seal (an event without personal data needs no key).
    ///
    /// - Throws: a ``WorkflowError/Code/customerForgotten`` refusal naming the field when the
    ///   customer was forgotten: their key is destroyed, so no personal data of theirs can be
    ///   recorded any more (DOMAIN.md §8). The same command without the field is accepted.
    static func seal(_ tree: BinaryValue, type: EventType, customerId: String, keys: CustomerKeyStore) throws -> BinaryValue {
        let paths = paths(of: type)
        guard !paths.isEmpty else { return tree }
        var key: SymmetricKey?
        var result = tree
        for path in paths {
            let field = path.joined(separator: ".")
            let label = type.typeName + "." + field
            result = try transform(result, at: path[...]) { value in
                guard case .string(let text) = value else { return value }
                let sealing: SymmetricKey
                if let key {
                    sealing = key
                } else {
                    sealing = try sealingKey(for: customerId, field: field, label: label, keys: keys)
                    key = sealing
                }
                return .bytes(try SealedField.seal(text, field: label, key: sealing))
            }
        }
        return result
    }

    /// The customer's key to seal `field` with, or the refusal of a forgotten customer's personal data.
    private static func sealingKey(for customerId: String, field: String, label: String, keys: CustomerKeyStore) throws -> SymmetricKey {
        do {
            return try keys.key(for: customerId)
        } catch {
            guard error.code == .customerForgotten else { throw error }
            throw WorkflowError(
                .customerForgotten, rule: "personalData",
                reason: "customer '\(customerId)' was forgotten (their key is destroyed): \(label) is personal data and "
                    + "cannot be recorded for them; send the command without it",
                field: field)
        }
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
