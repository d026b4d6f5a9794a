public import Foundation

extension ServicePolicy {
    /// The top-level keys of a full policy document (``document``).
    static let fullDocumentKeys: Set<String> = [
        "name", "version", "clocks", "clocksByProblemClass", "escalation", "approval", "highAmount",
        "reopenWindowDays", "unreachableAttempts", "repeat", "satisfactionThreshold", "warnAt", "categories",
        "calendar", "suggestions", "kpiTargets",
    ]

    /// Loads a policy from a document value.
    ///
    /// Three shapes are accepted:
    /// - a string: a preset name (`standard`);
    /// - `{preset?: name, overrides?: {...}}`: the preset (default `standard`) with the overrides
    ///   applied (``applying(overrides:)-(PolicyValue)``);
    /// - a full policy, as written by ``document`` and ``canonicalBytes()``: every top-level key
    ///   must be present.
    ///
    /// - Throws: ``PolicyValidationError`` naming the field path of the first problem.
    public static func load(document: PolicyValue) throws(PolicyValidationError) -> ServicePolicy {
        switch document {
        case .string(let name):
            return try preset(named: name)
        case .map(let entries) where entries["preset"] != nil || entries["overrides"] != nil:
            if let extra = Set(entries.keys).subtracting(["preset", "overrides"]).sorted().first {
                throw PolicyValidationError(field: extra, reason: "unknown key beside preset/overrides")
            }
            let base = try entries["preset"].map { (value) throws(PolicyValidationError) in
                try preset(named: value.string(at: "preset"))
            } ?? standard
            guard let overrides = entries["overrides"], overrides != .null else { return base }
            do {
                return try base.applying(overrides: overrides)
            } catch {
                throw PolicyValidationError(field: error.field.isEmpty ? "overrides" : "overrides.\(error.field)", reason: error.reason)
            }
        case .map(let entries):
            if let extra = Set(entries.keys).subtracting(fullDocumentKeys).sorted().first {
                throw PolicyValidationError(field: extra, reason: "unknown key")
            }
            if let missing = fullDocumentKeys.subtracting(entries.keys).sorted().first {
                throw PolicyValidationError(field: missing, reason: "missing from a full policy document")
            }
            var base = standard
            base.clocksByProblemClass = [:]
            base.kpiTargets = [:]
            return try base.applying(overrides: document)
        default:
            throw PolicyValidationError(field: "", reason: "a policy document is a preset name or a map, got \(document.kind)")
        }
    }

    /// Loads a policy from YAML text (see ``load(document:)`` for the shapes).
    public static func load(yaml: String) throws(PolicyValidationError) -> ServicePolicy {
        try load(document: PolicyValue(yaml: yaml))
    }

    /// Loads a policy from JSON bytes, such as ``canonicalBytes()`` (see ``load(document:)``).
    public static func load(json: Data) throws(PolicyValidationError) -> ServicePolicy {
        let document: PolicyValue
        do {
            document = try JSONDecoder().decode(PolicyValue.self, from: json)
        } catch {
            throw PolicyValidationError(field: "", reason: "malformed JSON: \(error)")
        }
        return try load(document: document)
    }
}
