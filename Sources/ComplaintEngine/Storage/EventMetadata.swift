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

    func encoded() throws -> [UInt8] { try BinaryEncoder().encode(self) }

    static func decode(_ bytes: [UInt8]) throws -> EventMetadata {
        bytes.isEmpty ? EventMetadata() : try BinaryDecoder().decode(EventMetadata.self, from: bytes)
    }
}
