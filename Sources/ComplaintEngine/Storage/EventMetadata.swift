import BinaryCoding
import ComplaintWorkflow

/// What the engine stores in a record's metadata bytes (a binary document, `Specs/event-encoding.md`).
struct EventMetadata: Codable, Hashable, Sendable {
    /// The automatic rule that recorded the event.
    var rule: String?
    /// Why the rule fired.
    var reason: String?
    /// The log position of the `PolicyActivated` event in force.
    var policyPosition: UInt64?
    /// The customer whose key seals the event's personal fields (complaint streams).
    var customerId: String?

    /// The metadata document: the value tree `BinaryEncoder` builds from the `Codable`
    /// conformance (a map of the fields that are set), put together directly.
    func encoded() throws -> [UInt8] {
        var fields: [String: BinaryValue] = [:]
        if let rule { fields["rule"] = .string(rule) }
        if let reason { fields["reason"] = .string(reason) }
        if let policyPosition { fields["policyPosition"] = .uint(policyPosition) }
        if let customerId { fields["customerId"] = .string(customerId) }
        return BinaryValue.map(fields).encoded
    }

    /// Reads the fields straight from the bytes (``scanned(_:)``) when the document has the shape
    /// ``encoded()`` writes, else from the document's value tree (every record is decoded at least
    /// once per projection, so the generic `Codable` path was a measurable share of rebuilds); any
    /// shape neither fast path expects goes through `BinaryDecoder`, which decides as before.
    static func decode(_ bytes: [UInt8]) throws -> EventMetadata {
        if bytes.isEmpty { return EventMetadata() }
        if let scanned = scanned(bytes) { return scanned }
        guard case .map(let fields) = try BinaryValue(decoding: bytes) else {
            return try BinaryDecoder().decode(EventMetadata.self, from: bytes)
        }
        var metadata = EventMetadata()
        for (key, value) in fields {
            switch (key, value) {
            case (_, .null): continue
            case ("rule", .string(let text)): metadata.rule = text
            case ("reason", .string(let text)): metadata.reason = text
            case ("customerId", .string(let text)): metadata.customerId = text
            case ("policyPosition", .uint(let number)): metadata.policyPosition = number
            case ("policyPosition", .int(let number)) where number >= 0: metadata.policyPosition = UInt64(number)
            default: return try BinaryDecoder().decode(EventMetadata.self, from: bytes)
            }
        }
        return metadata
    }
}
