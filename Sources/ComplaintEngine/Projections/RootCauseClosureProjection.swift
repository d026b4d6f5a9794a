import BinaryCoding
import ComplaintLMDB
import ComplaintPolicy
import ComplaintWorkflow
import EventLog
import Foundation

/// The complaints closed with a root cause, by closing time: what the `recurringRootCause`
/// suggestion rule (DOMAIN.md §7) looks at. It reads clear fields only (category, root-cause
/// class, times), so a rebuild after an erasure writes the same bytes.
///
/// Keys:
/// - `s | complaintId` → binary ``Track`` (the complaint's category, root-cause classes, closing time);
/// - `c | u64 closedAt µs (big-endian) | complaintId` → empty: closed now, with a category and at
///   least one root cause (removed again by a reopen);
/// - `n` → u64 (big-endian): how many times that index changed, so a suggestion check can tell
///   whether anything happened since the last one.
struct RootCauseClosureProjection: Projection {
    let name = "root-causes"
    let version: UInt32 = 1

    struct Track: Codable, Hashable {
        var category: String?
        var causeClasses: [String] = []
        var closedAt: Date?
    }

    static let trackTag = UInt8(ascii: "s")
    static let closedTag = UInt8(ascii: "c")
    static let changesKey = [UInt8(ascii: "n")]

    static func trackKey(_ complaint: String) -> [UInt8] { [trackTag] + Array(complaint.utf8) }

    static func closedKey(_ closedAt: Date, _ complaint: String) -> [UInt8] {
        [closedTag] + KPIProjection.bigEndian(KPIProjection.microseconds(closedAt)) + Array(complaint.utf8)
    }

    func apply(_ events: [RecordedEvent], to space: ProjectionSpace, in transaction: borrowing WriteTransaction) throws {
        for record in events where record.streamKind == StreamKind.complaint.rawValue {
            switch record.type {
            case EventType.complaintClassified.typeName:
                guard case .string(let category)? = try BinaryValue(decoding: record.payload)["category"] else { continue }
                try update(record.stream, space, transaction) { $0.category = category }
            case EventType.rootCauseRecorded.typeName:
                guard case .string(let causeClass)? = try BinaryValue(decoding: record.payload)["causeClass"] else { continue }
                try update(record.stream, space, transaction) { track in
                    if !track.causeClasses.contains(causeClass) {
                        track.causeClasses.append(causeClass)
                        track.causeClasses.sort()
                    }
                }
            case EventType.complaintClosed.typeName:
                var indexed = false
                try update(record.stream, space, transaction) { track in
                    track.closedAt = record.occurredAt
                    indexed = track.category != nil && !track.causeClasses.isEmpty
                }
                if indexed {
                    try space.put(Self.closedKey(record.occurredAt, record.stream), [], in: transaction)
                    try countChange(space, transaction)
                }
            case EventType.complaintReopened.typeName:
                var closedAt: Date?
                try update(record.stream, space, transaction) { track in
                    closedAt = track.closedAt
                    track.closedAt = nil
                }
                if let closedAt, try space.delete(Self.closedKey(closedAt, record.stream), in: transaction) {
                    try countChange(space, transaction)
                }
            default:
                continue
            }
        }
    }

    private func update(
        _ complaint: String, _ space: ProjectionSpace, _ transaction: borrowing WriteTransaction, _ change: (inout Track) -> Void
    ) throws {
        let key = Self.trackKey(complaint)
        var track = try space.get(key, in: transaction).map { try BinaryDecoder().decode(Track.self, from: $0) } ?? Track()
        change(&track)
        try space.put(key, try BinaryEncoder().encode(track), in: transaction)
    }

    private func countChange(_ space: ProjectionSpace, _ transaction: borrowing WriteTransaction) throws {
        let count = try Self.changes(space, transaction)
        try space.put(Self.changesKey, KPIProjection.bigEndian(count + 1), in: transaction)
    }

    /// How many times the closed index changed so far.
    static func changes(_ space: ProjectionSpace, _ transaction: borrowing some ReadableTransaction & ~Copyable) throws -> UInt64 {
        try space.get(changesKey, in: transaction).map { $0.reduce(UInt64(0)) { $0 << 8 | UInt64($1) } } ?? 0
    }

    /// Every complaint closed now with a category and a root cause: one fact per root-cause class.
    static func closedFacts(_ space: ProjectionSpace, _ transaction: borrowing some ReadableTransaction & ~Copyable) throws -> [ClosedComplaintFact] {
        var closed: [String] = []
        try space.scan(prefix: [closedTag], in: transaction) { key, _ in
            closed.append(String(decoding: Array(key).dropFirst(9), as: UTF8.self))
            return true
        }
        var facts: [ClosedComplaintFact] = []
        for complaint in closed {
            guard let bytes = try space.get(trackKey(complaint), in: transaction) else { continue }
            let track = try BinaryDecoder().decode(Track.self, from: bytes)
            guard let closedAt = track.closedAt, let category = track.category.flatMap(Category.init(rawValue:)) else { continue }
            for causeClass in track.causeClasses.compactMap(CauseClass.init(rawValue:)) {
                facts.append(ClosedComplaintFact(complaintId: complaint, causeClass: causeClass, category: category, closedAt: closedAt))
            }
        }
        return facts
    }
}
