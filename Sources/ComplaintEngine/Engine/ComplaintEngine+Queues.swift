public import ComplaintWorkflow
import ComplaintLMDB
import EventLog
import Foundation

/// Where a queue page ended: pass it to ``ComplaintEngine/queue(_:after:limit:)`` for the next page.
///
/// A cursor is a position in the queue's order, not an offset: a complaint that moves or leaves
/// the queue between two pages neither shifts the next page nor is repeated in it (one that moves
/// behind the cursor is not seen again in this walk). ``token`` carries it across process
/// boundaries (a hex string).
public struct QueueCursor: Sendable, Hashable, CustomStringConvertible {
    let position: [UInt8]

    init(position: [UInt8]) { self.position = position }

    /// The cursor as a hex string, for hosts that hand it to a client.
    public var token: String { position.map { String(format: "%02x", $0) }.joined() }

    /// A cursor from a ``token``; `nil` when `token` is not one.
    public init?(token: String) {
        let digits = Array(token.utf8)
        guard digits.count % 2 == 0, digits.count > 2 * QueueIndex.orderLength else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let byte = UInt8(String(decoding: digits[index..<(index + 2)], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(byte)
            index += 2
        }
        position = bytes
    }

    /// The token.
    public var description: String { token }
}

/// One page of a queue: complaint ids in queue order (DOMAIN.md §6).
public struct QueuePage: Sendable, Hashable {
    /// The queue.
    public var queue: QueueName
    /// The complaint ids, in queue order.
    public var ids: [String]
    /// Where to continue, or `nil` when this page reached the end of the queue.
    public var next: QueueCursor?
}

extension ComplaintEngine {
    /// The largest page ``queue(_:after:limit:)`` returns.
    public static let maximumQueuePage = 10_000

    /// One page of a work queue, in queue order: effective severity, urgency, customer importance,
    /// earliest due time of the running clocks, receipt time, id (DOMAIN.md §6).
    ///
    /// The queue reflects every command whose ``handle(_:)`` has returned. A queue nobody is in is
    /// an empty page, not an error.
    ///
    /// - Parameters:
    ///   - name: `unassigned`, `owner:<id>`, `level:<0…5>`, `breached`, `awaitingApproval`,
    ///     `awaitingCustomer` or `followUp`.
    ///   - cursor: the ``QueuePage/next`` of the previous page; `nil` for the first page.
    ///   - limit: at most this many ids (1…``maximumQueuePage``).
    /// - Throws: ``EngineError/refused(_:)`` with `validationFailed` (field `queue` or `limit`) for a
    ///   name that is no queue or a limit out of range; ``EngineError/storage(_:)`` when reading fails.
    public func queue(_ name: String, after cursor: QueueCursor? = nil, limit: Int = 50) throws(EngineError) -> QueuePage {
        let queue = try Self.validQueue(name)
        guard (1...Self.maximumQueuePage).contains(limit) else {
            throw .refused(.invalid("limit", "must be 1…\(Self.maximumQueuePage), not \(limit)"))
        }
        let prefix = QueueIndex.queuePrefix(queue)
        return try reading {
            try log.readProjection("complaints") { space, txn in
                var ids: [String] = []
                var last: [UInt8] = []
                var more = false
                try space.scan(prefix: prefix, in: txn) { key, _ in
                    let position = key.dropFirst(prefix.count)
                    if let cursor, !cursor.position.lexicographicallyPrecedes(position) { return true }
                    if ids.count == limit {
                        more = true
                        return false
                    }
                    ids.append(String(decoding: position.dropFirst(QueueIndex.orderLength), as: UTF8.self))
                    last = Array(position)
                    return true
                }
                return QueuePage(queue: queue, ids: ids, next: more ? QueueCursor(position: last) : nil)
            }
        }
    }

    /// Every complaint id of a queue, in queue order (all pages of ``queue(_:after:limit:)``).
    public func queueIds(_ name: String) throws(EngineError) -> [String] {
        var ids: [String] = []
        var page = try queue(name, limit: Self.maximumQueuePage)
        ids += page.ids
        while let next = page.next {
            page = try queue(name, after: next, limit: Self.maximumQueuePage)
            ids += page.ids
        }
        return ids
    }

    /// How many complaints each non-empty queue holds, keyed by queue name.
    public func queueCounts() throws(EngineError) -> [QueueName: Int] {
        try reading {
            try log.readProjection("complaints") { space, txn in
                var counts: [QueueName: Int] = [:]
                try space.scan(prefix: QueueIndex.countPrefix, in: txn) { key, value in
                    let name = String(decoding: key.dropFirst(QueueIndex.countPrefix.count), as: UTF8.self)
                    counts[QueueName(rawValue: name)] = Int(QueueIndex.decodeCount(value))
                    return true
                }
                return counts
            }
        }
    }

    /// The names of the queues that hold at least one complaint, in byte order.
    public func queueNames() throws(EngineError) -> [QueueName] {
        try queueCounts().keys.sorted()
    }

    /// `name` as a queue, or a `validationFailed` refusal (field `queue`).
    static func validQueue(_ name: String) throws(EngineError) -> QueueName {
        let fixed: [QueueName] = [.unassigned, .breached, .awaitingApproval, .awaitingCustomer, .followUp]
        if let queue = fixed.first(where: { $0.rawValue == name }) { return queue }
        if name.hasPrefix("owner:") {
            let owner = String(name.dropFirst("owner:".count))
            let bytes = owner.utf8.count
            if bytes >= 1, bytes <= Identifier.maximumBytes { return .owner(owner) }
        }
        if name.hasPrefix("level:"), let level = Int(name.dropFirst("level:".count)),
            (0...5).contains(level), name == QueueName.level(level).rawValue
        {
            return .level(level)
        }
        throw .refused(.invalid(
            "queue",
            "\(name) is no queue (unassigned, owner:<id>, level:0…5, breached, awaitingApproval, awaitingCustomer, followUp)"))
    }

    /// Runs a read, mapping storage errors to ``EngineError/storage(_:)``.
    /// Runs `body` in a read transaction on projection `name`; a storage failure is
    /// ``EngineError/storage(_:)``, anything else a corrupted projection.
    func readingProjection<R>(
        _ name: String, _ body: (ProjectionSpace, borrowing ReadTransaction) throws -> R
    ) throws(EngineError) -> R {
        do {
            return try log.readProjection(name, body)
        } catch let error as EventLogError {
            throw .storage(error)
        } catch {
            throw .storage(EventLogError(.storageCorrupted, "the \(name) projection could not be read: \(error)"))
        }
    }

    func reading<R>(_ body: () throws -> R) throws(EngineError) -> R {
        do {
            return try body()
        } catch {
            throw EngineError.from(error)
        }
    }
}
