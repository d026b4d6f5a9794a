import BinaryCoding
import ComplaintLMDB
import ComplaintPolicy
import ComplaintWorkflow
import EventLog
import Foundation

/// Every customer's complaints (for the repeat rule and `history`), and which customers were
/// forgotten. It reads only clear fields (ids, category, reason, times), never personal data, so a
/// rebuild after an erasure gives the same bytes.
///
/// Keys: `c | u8 len | customerId | complaintId` → binary `Entry`; `f | customerId` → empty (forgotten);
/// `s | complaintId` → customerId (which customer a complaint stream belongs to).
struct CustomerHistoryProjection: Projection {
    let name = "customer-history"
    let version: UInt32 = 1

    struct Entry: Codable, Hashable {
        var receivedAt: Date
        var category: String?
        var closedReason: String?
    }

    static func entryKey(customer: String, complaint: String) -> [UInt8] {
        [UInt8(ascii: "c"), UInt8(customer.utf8.count)] + Array(customer.utf8) + Array(complaint.utf8)
    }

    static func customerPrefix(_ customer: String) -> [UInt8] {
        [UInt8(ascii: "c"), UInt8(customer.utf8.count)] + Array(customer.utf8)
    }

    static func forgottenKey(_ customer: String) -> [UInt8] { [UInt8(ascii: "f")] + Array(customer.utf8) }
    static func streamKey(_ complaint: String) -> [UInt8] { [UInt8(ascii: "s")] + Array(complaint.utf8) }

    func apply(_ events: [RecordedEvent], to space: ProjectionSpace, in transaction: borrowing WriteTransaction) throws {
        for record in events {
            switch record.type {
            case EventType.complaintReceived.typeName:
                let tree = try BinaryValue(decoding: record.payload)
                guard case .string(let customer)? = tree["customer"]?["id"] else { continue }
                try space.put(Self.streamKey(record.stream), Array(customer.utf8), in: transaction)
                try update(record.stream, space, transaction, customer: customer) { entry in
                    entry = Entry(receivedAt: record.occurredAt, category: nil, closedReason: nil)
                }
            case EventType.complaintClassified.typeName:
                let tree = try BinaryValue(decoding: record.payload)
                guard case .string(let category)? = tree["category"] else { continue }
                try update(record.stream, space, transaction) { $0?.category = category }
            case EventType.complaintClosed.typeName:
                let tree = try BinaryValue(decoding: record.payload)
                guard case .string(let reason)? = tree["reason"] else { continue }
                try update(record.stream, space, transaction) { $0?.closedReason = reason }
            case EventType.complaintReopened.typeName:
                try update(record.stream, space, transaction) { $0?.closedReason = nil }
            case EventType.customerForgotten.typeName:
                let tree = try BinaryValue(decoding: record.payload)
                guard case .string(let customer)? = tree["customerId"] else { continue }
                try space.put(Self.forgottenKey(customer), [], in: transaction)
            default:
                continue
            }
        }
    }

    private func update(
        _ complaint: String, _ space: ProjectionSpace, _ transaction: borrowing WriteTransaction, customer: String? = nil,
        _ change: (inout Entry?) -> Void
    ) throws {
        let owner = try customer ?? space.get(Self.streamKey(complaint), in: transaction).map { String(decoding: $0, as: UTF8.self) }
        guard let owner else { return }
        let key = Self.entryKey(customer: owner, complaint: complaint)
        var entry = try space.get(key, in: transaction).map { try BinaryDecoder().decode(Entry.self, from: $0) }
        change(&entry)
        if let entry { try space.put(key, try BinaryEncoder().encode(entry), in: transaction) }
    }
}
