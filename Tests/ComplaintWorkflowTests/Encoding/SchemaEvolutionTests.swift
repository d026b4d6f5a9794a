import BinaryCoding
import Foundation
import Testing
@testable import ComplaintWorkflow

extension BinaryValue {
    /// The value without the field at `path` (map keys; unchanged when a step is not a map).
    func removing(_ path: ArraySlice<String>) -> BinaryValue {
        guard let first = path.first, case .map(var fields) = self else { return self }
        if path.count == 1 {
            fields[first] = nil
        } else if let child = fields[first] {
            fields[first] = child.removing(path.dropFirst())
        }
        return .map(fields)
    }
}

/// The evolution rules of `Specs/event-encoding.md` ("adding an optional field, or removing a field,
/// needs nothing"), checked against the presence `Specs/event-schema.md` states for every field.
@Suite("Schema evolution of event payloads")
struct SchemaEvolutionTests {
    let codec = EventCodec()

    static func rows(of type: EventType) throws -> [EventSchemaDocument.Field] {
        var sets: [String: EventSchemaDocument.ValueSet] = [:]
        var problems: [String] = []
        let sample = EventSamples.sample(of: type)
        return EventSchemaDocument.fields(of: sample.data, tree: try EventCodec().tree(of: sample), prefix: "", sets: &sets, problems: &problems)
    }

    /// Required fields that decode with a default when absent (so fixtures and hosts may omit
    /// them): the severity factors (all `false`), the verification methods, an improvement's evidence,
    /// impact scope and objectives (none), and an objective's filter (everything).
    static let defaulted: Set<String> = [
        "AuthenticityVerified.methods", "SeverityAssessed.factors", "SeverityAssessed.factors.legalOrSafety",
        "SeverityAssessed.factors.reputationRisk", "SeverityAssessed.factors.complexOrHardToJudge",
        "ImprovementOpened.evidence", "ImprovementOpened.impactScope", "ImprovementOpened.objectives", "ObjectiveSet.filter",
    ]

    @Test("A payload without an optional field decodes (the field is nil); without a required one it is refused", arguments: EventType.allCases)
    func presenceIsWhatTheSchemaSays(type: EventType) throws {
        let tree = try codec.tree(of: EventSamples.sample(of: type))
        for field in try Self.rows(of: type) where !field.path.contains("[]") {
            let reduced = tree.removing(field.path.split(separator: ".").map(String.init)[...])
            #expect(reduced != tree, "\(type.typeName).\(field.path) was not removed")
            if field.optional || Self.defaulted.contains("\(type.typeName).\(field.path)") {
                let decoded = try codec.decode(typeName: type.typeName, schemaVersion: type.schemaVersion, payload: reduced.encoded)
                if field.optional {
                    #expect(try codec.tree(of: decoded) == reduced, "\(type.typeName) without \(field.path)")
                }
            } else {
                expectDecodingFailure("\(type.typeName) without required \(field.path)") {
                    try codec.decode(typeName: type.typeName, schemaVersion: type.schemaVersion, payload: reduced.encoded)
                }
            }
        }
    }

    @Test("Fields this library does not know are ignored", arguments: EventType.allCases)
    func unknownFieldsAreIgnored(type: EventType) throws {
        let sample = EventSamples.sample(of: type)
        var tree = try codec.tree(of: sample)
        tree["addedInAFutureVersion"] = .string("未來的欄位 future field")
        tree["aaFirstByKeyOrder"] = .map(["nested": .array([.int(1), .timestamp(0)])])
        for key in ["customer", "factors", "specialGroup", "amountInvolved", "period"] where tree[key] != nil {
            tree[key]?["addedLater"] = .bool(true)
        }
        #expect(try codec.decode(typeName: type.typeName, schemaVersion: type.schemaVersion, payload: tree.encoded) == sample)
    }
}
