public import BinaryCoding
import ComplaintPolicy

/// Turns workflow events into the payload bytes the log stores and back (`Specs/event-encoding.md`).
///
/// Payloads are binary documents of the event's data under its DOMAIN field names. Reading a payload
/// written under an older schema version runs the registered upcasters, one version step at a time,
/// over the decoded value tree before the current type decodes it; stored bytes are never rewritten.
public struct EventCodec: Sendable {
    /// Reshapes the data of one event type from one schema version to the next.
    public typealias Upcaster = @Sendable (BinaryValue) throws -> BinaryValue

    /// Upcasters by event type and the version they upgrade *from*.
    public var upcasters: [EventType: [Int: Upcaster]]

    /// A codec with the given upcasters (by default the ones this version of the library ships).
    public init(upcasters: [EventType: [Int: Upcaster]] = EventCodec.shippedUpcasters) {
        self.upcasters = upcasters
    }

    /// The event's data as a value tree (before any privacy sealing).
    public func tree(of event: WorkflowEvent) throws(WorkflowError) -> BinaryValue {
        do {
            return try BinaryEncoder().encodeValue(EncodableData(event: event))
        } catch {
            throw WorkflowError(.validationFailed, rule: "encoding", reason: "\(event.typeName) cannot be encoded: \(error)")
        }
    }

    /// The event's payload bytes.
    public func encode(_ event: WorkflowEvent) throws(WorkflowError) -> [UInt8] {
        try tree(of: event).encoded
    }

    /// Decodes a stored payload of `typeName` written under `schemaVersion`.
    ///
    /// - Throws: ``WorkflowError`` with code `validationFailed` (rule `decoding`) for an unknown type,
    ///   a version newer than this library knows, a missing upcaster, or bytes that do not decode.
    public func decode(typeName: String, schemaVersion: Int, payload: [UInt8]) throws(WorkflowError) -> WorkflowEvent {
        let tree: BinaryValue
        do {
            tree = try BinaryValue(decoding: payload)
        } catch {
            throw WorkflowError(.validationFailed, rule: "decoding", reason: "\(typeName) payload is malformed: \(error)")
        }
        return try decode(typeName: typeName, schemaVersion: schemaVersion, tree: tree)
    }

    /// Decodes an event from its (possibly older) value tree.
    public func decode(typeName: String, schemaVersion: Int, tree: BinaryValue) throws(WorkflowError) -> WorkflowEvent {
        guard let type = EventType(rawValue: typeName) else {
            throw WorkflowError(.validationFailed, rule: "decoding", reason: "unknown event type \(typeName)")
        }
        guard schemaVersion >= 1, schemaVersion <= type.schemaVersion else {
            throw WorkflowError(
                .validationFailed, rule: "decoding",
                reason: "\(typeName) schema version \(schemaVersion) is not readable by this library (it knows 1–\(type.schemaVersion))")
        }
        var current = tree
        for version in schemaVersion..<type.schemaVersion {
            guard let upcaster = upcasters[type]?[version] else {
                throw WorkflowError(.validationFailed, rule: "decoding", reason: "no upcaster for \(typeName) from version \(version)")
            }
            do {
                current = try upcaster(current)
            } catch {
                throw WorkflowError(.validationFailed, rule: "decoding", reason: "upcasting \(typeName) from version \(version) failed: \(error)")
            }
        }
        do {
            return try WorkflowEvent(type: type, from: BinaryDecoder().decoder(for: current))
        } catch {
            throw WorkflowError(.validationFailed, rule: "decoding", reason: "\(typeName) payload does not decode: \(error)")
        }
    }
}

/// Wraps an event so its data encodes as one flat object.
private struct EncodableData: Encodable {
    let event: WorkflowEvent
    func encode(to encoder: any Encoder) throws { try event.encodeData(to: encoder) }
}
