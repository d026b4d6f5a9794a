import ComplaintLMDB
import ComplaintPolicy
import ComplaintWorkflow
import EventLog
import Foundation

/// The work queues of DOMAIN.md §6, stored beside the complaint states in the `complaints`
/// projection and kept in step with them in the same transaction.
///
/// Keys (all start with `0xFF`, a byte that never occurs in UTF-8, so they can never meet a
/// complaint state, whose key is the complaint id itself):
/// - `FF 'q' | u8 name length | queue name | order (20 bytes) | complaint id` → empty: one entry per
///   complaint and queue, in queue order (see ``order(_:)``).
/// - `FF 'n' | queue name` → `u64 BE` number of complaints in the queue (absent when empty).
enum QueueIndex {
    static let marker: UInt8 = 0xFF
    static let entryTag = UInt8(ascii: "q")
    static let countTag = UInt8(ascii: "n")
    /// Length of ``order(_:)``'s bytes.
    static let orderLength = 20

    /// The bytes whose lexicographic order is ``QueueSortKey``'s order, except the id (appended
    /// after them in the key): severity rank, urgency rank, 255 − customerImportance, `0` and the
    /// earliest due time (or `1` and zeros when no clock runs), receivedAt.
    static func order(_ key: QueueSortKey) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(orderLength)
        bytes.append(UInt8(clamping: key.severityRank))
        bytes.append(UInt8(clamping: key.urgencyRank))
        bytes.append(255 - UInt8(clamping: key.customerImportance))
        if let due = key.earliestDueAt {
            bytes.append(0)
            append(orderedBits(due), to: &bytes)
        } else {
            bytes.append(1)
            append(0, to: &bytes)
        }
        append(orderedBits(key.receivedAt), to: &bytes)
        return bytes
    }

    /// An instant as 64 bits whose unsigned order is the instants' order (exact: the IEEE 754 bits
    /// of the seconds since 2001, sign-folded).
    static func orderedBits(_ date: Date) -> UInt64 {
        var seconds = date.timeIntervalSinceReferenceDate
        if seconds == 0 { seconds = 0 }  // -0.0 and 0.0 are the same instant
        let bits = seconds.bitPattern
        return bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
    }

    static func append(_ value: UInt64, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
    }

    static func queuePrefix(_ queue: QueueName) -> [UInt8] {
        let name = Array(queue.rawValue.utf8)
        return [marker, entryTag, UInt8(clamping: name.count)] + name
    }

    static func entryKey(_ queue: QueueName, position: [UInt8]) -> [UInt8] {
        queuePrefix(queue) + position
    }

    static let countPrefix: [UInt8] = [marker, countTag]

    static func countKey(_ queue: QueueName) -> [UInt8] { countPrefix + Array(queue.rawValue.utf8) }

    /// Where one complaint stands: its queues and its position (order bytes and id) in each.
    struct Placement: Equatable {
        var queues: [QueueName]
        var position: [UInt8]

        static let nowhere = Placement(queues: [], position: [])

        init(queues: [QueueName], position: [UInt8]) {
            self.queues = queues
            self.position = position
        }

        init(_ state: ComplaintState?, id: String, policy: ServicePolicy, faults: WorkflowFaults = []) {
            guard let state, state.isOpen else {
                self = .nowhere
                return
            }
            let membership = queueMembership(state, complaintId: id, policy: policy, faults: faults)
            self.init(queues: membership.queues, position: QueueIndex.order(membership.sortKey) + Array(id.utf8))
        }
    }

    /// Moves one complaint's entries from `old` to `new`, touching only what changed.
    static func move(
        from old: Placement, to new: Placement, in space: ProjectionSpace, _ transaction: borrowing WriteTransaction
    ) throws {
        guard old != new else { return }
        let samePosition = old.position == new.position
        for queue in old.queues where !(samePosition && new.queues.contains(queue)) {
            try space.delete(entryKey(queue, position: old.position), in: transaction)
        }
        for queue in new.queues where !(samePosition && old.queues.contains(queue)) {
            try space.put(entryKey(queue, position: new.position), [], in: transaction)
        }
        for queue in old.queues where !new.queues.contains(queue) {
            try adjustCount(queue, by: -1, in: space, transaction)
        }
        for queue in new.queues where !old.queues.contains(queue) {
            try adjustCount(queue, by: 1, in: space, transaction)
        }
    }

    private static func adjustCount(
        _ queue: QueueName, by delta: Int64, in space: ProjectionSpace, _ transaction: borrowing WriteTransaction
    ) throws {
        let key = countKey(queue)
        let current = try space.get(key, in: transaction).map(decodeCount) ?? 0
        let next = max(0, Int64(current) + delta)
        if next == 0 {
            try space.delete(key, in: transaction)
        } else {
            var bytes: [UInt8] = []
            append(UInt64(next), to: &bytes)
            try space.put(key, bytes, in: transaction)
        }
    }

    static func decodeCount<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> UInt64 {
        bytes.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    }
}
