import ComplaintPolicy
import Yams

/// Reads a scenario's `policy`: a preset name, `{preset, overrides}`, or a full policy mapping.
struct PolicyReading {
    let file: String

    func policy(_ node: Node?) throws(FixtureError) -> ServicePolicy {
        guard let node else { return .standard }
        do throws(PolicyValidationError) {
            if case .scalar(let scalar) = node { return try ServicePolicy.preset(named: scalar.string) }
            let yaml: String
            do {
                yaml = try Yams.serialize(node: node)
            } catch {
                throw PolicyValidationError(field: "", reason: "\(error)")
            }
            return try ServicePolicy.load(document: PolicyValue(yaml: yaml))
        } catch {
            let field = error.field.isEmpty ? "" : " at '\(error.field)'"
            throw FixtureError(.badPolicy, file: file, line: line(of: error.field, in: node), "policy\(field): \(error.reason)")
        }
    }

    /// The line of a dotted field path inside the policy mapping (the policy's own line when not found).
    private func line(of field: String, in node: Node) -> Int {
        var current = node
        for part in field.split(separator: ".") {
            if case .mapping = current, let child = current[String(part)] {
                current = child
            } else if case .mapping = current, let overrides = current["overrides"], case .mapping = overrides,
                      let child = overrides[String(part)] {
                current = child
            } else {
                break
            }
        }
        return current.line
    }
}
