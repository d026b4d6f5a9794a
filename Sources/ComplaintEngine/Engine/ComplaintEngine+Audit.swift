public import EventLog
public import Foundation

/// Audit trails (DOMAIN.md §6) and audit exports.
///
/// Every query returns entries in position order and pages the same way: pass the last position of
/// one page as `after` to get the next; a page shorter than `limit` is the last. Queries by actor and
/// by time read the audit projection's indexes and then only the records they return; a complaint's
/// trail reads the log's stream index.
extension ComplaintEngine {
    /// The page size audit queries use when not told otherwise.
    public static let defaultAuditPageSize = 1000

    var audit: AuditReader { AuditReader(log: log, translator: translator, policies: policies) }
    var auditIndex: AuditIndex { AuditIndex(log: log) }

    // MARK: Trails

    /// The audit trail of one stream: a complaint (or any other stream id: `PDCA-1`,
    /// `customer:<id>`, `policies`), every event of it after position `after`, at most `limit`.
    /// An unknown stream has an empty trail.
    public func auditTrail(
        complaint: String, after position: UInt64 = 0, limit: Int = defaultAuditPageSize
    ) throws(EngineError) -> [AuditEntry] {
        try auditing {
            guard limit > 0, let last = try log.streamState(complaint)?.version else { return [] }
            let version = try firstVersion(of: complaint, after: position, last: last)
            guard version <= last else { return [] }
            return try log.readStream(complaint, from: version, limit: limit).map(audit.entry)
        }
    }

    /// Every event recorded with `actor` as its actor id (`system` for timers and rules), after
    /// position `after`, at most `limit`.
    public func auditTrail(
        actor: String, after position: UInt64 = 0, limit: Int = defaultAuditPageSize
    ) throws(EngineError) -> [AuditEntry] {
        try auditing {
            guard position < UInt64.max else { return [] }
            let keys = try auditIndex.keys(
                from: AuditKey.actor(actor, position: position + 1), prefix: AuditKey.actorPrefix(actor), limit: limit)
            return try audit.records(at: keys.map(AuditKey.trailingPosition)).map(audit.entry)
        }
    }

    /// Every event whose `recordedAt` (or, with `field` ``AuditTimeField/occurredAt``, whose
    /// `occurredAt`) lies in the half-open window `[start, end)`, after position `after`, at most
    /// `limit`, in position order.
    ///
    /// By `recordedAt` the window is a run of consecutive positions (recordedAt never decreases along
    /// the log). By `occurredAt` it also holds timer events fired late (due inside the window,
    /// recorded after it) and leaves out those due before it, wherever they were recorded.
    public func auditTrail(
        from start: Date, to end: Date, by field: AuditTimeField = .recordedAt, after position: UInt64 = 0,
        limit: Int = defaultAuditPageSize
    ) throws(EngineError) -> [AuditEntry] {
        try auditing {
            guard limit > 0, start < end, position < UInt64.max else { return [] }
            var first = AuditKey.recorded(AuditKey.instant(start), position: 0)
            if position > 0 {
                // Keys sort as positions do, so resuming after `position` is a seek past its key.
                guard let previous = try log.event(at: position) else { return [] }
                let resume = AuditKey.recorded(AuditKey.instant(previous.recordedAt), position: position + 1)
                if first.lexicographicallyPrecedes(resume) { first = resume }
            }
            let recordedEnd = AuditKey.recorded(AuditKey.instant(end), position: 0)
            var positions: [UInt64]
            switch field {
            case .recordedAt:
                positions = try auditIndex.keys(
                    from: first, prefix: [AuditKey.recordedTag], before: recordedEnd, limit: limit
                ).map(AuditKey.trailingPosition)
            case .occurredAt:
                // Events with occurredAt == recordedAt come from the recordedAt index; the others
                // (timer events) from the sparse occurredAt index, merged by position.
                positions = try auditIndex.keys(
                    from: first, prefix: [AuditKey.recordedTag], before: recordedEnd, limit: limit,
                    where: { _, value in value.first == 0 }
                ).map(AuditKey.trailingPosition)
                let late = try auditIndex.keys(
                    from: AuditKey.occurred(AuditKey.instant(start), position: 0), prefix: [AuditKey.occurredTag],
                    before: AuditKey.occurred(AuditKey.instant(end), position: 0), limit: Int.max,
                    where: { key, _ in AuditKey.trailingPosition(key) > position }
                ).map(AuditKey.trailingPosition)
                positions = Array((positions + late).sorted().prefix(limit))
            }
            return try audit.records(at: positions).map(audit.entry)
        }
    }

    /// The first version of `stream` whose event lies after `position` (`last + 1` when none).
    private func firstVersion(of stream: String, after position: UInt64, last: UInt64) throws -> UInt64 {
        guard position > 0 else { return 1 }
        if let record = try log.event(at: position), record.stream == stream { return record.streamVersion + 1 }
        var low: UInt64 = 1
        var high = last + 1
        while low < high {
            let middle = low + (high - low) / 2
            let found = try log.readStream(stream, from: middle, limit: 1).first?.position ?? UInt64.max
            if found > position { high = middle } else { low = middle + 1 }
        }
        return low
    }

    // MARK: Exports

    /// Writes a complaint's (or any stream's) events as JSON Lines: one object per event with every
    /// field of its record, its decoded data (personal fields revealed, or `"[erased]"` once the
    /// customer was forgotten) and its hashes. Returns the number of lines written.
    ///
    /// Each line holds everything needed to rebuild the record's hashed bytes and check its hash
    /// without this library (`Specs/log-format.md`; `NOTES-audit.md` lists the fields):
    /// `format`, `position`, `streamVersion`, `recordedAt` and `occurredAt` (ISO 8601, UTC, six
    /// fraction digits), `schemaVersion`, `eventId`, `stream`, `streamKind`, `type`, `commandId`,
    /// `correlationId`, `causationId` (`null` for empty), `actor.id`, `actor.role`, `metadata` and
    /// `payload` (base64), then `previousHash` and `hash` (hex). A stream's lines do not chain to
    /// each other (other streams' records lie between them); an export by position does.
    @discardableResult
    public func exportAudit(complaint: String, to output: inout some TextOutputStream) throws(EngineError) -> Int {
        try auditing { try exportStream(complaint) { output.write($0) } }
    }

    /// Writes a complaint's events as JSON Lines to a file (see ``exportAudit(complaint:to:)``).
    @discardableResult
    public func exportAudit(complaint: String, to file: FileHandle) throws(EngineError) -> Int {
        try auditing {
            var buffer = FileBuffer(file: file)
            let count = try exportStream(complaint) { try buffer.write($0) }
            try buffer.flush()
            return count
        }
    }

    /// Writes every event from `position` through `last` (default: the head when the export starts)
    /// as JSON Lines, in position order; consecutive lines chain (`previousHash` of one is the
    /// `hash` of the one before). Returns the number of lines written.
    @discardableResult
    public func exportAudit(
        from position: UInt64 = 1, through last: UInt64? = nil, to output: inout some TextOutputStream
    ) throws(EngineError) -> Int {
        try auditing { try exportLog(from: position, through: last) { output.write($0) } }
    }

    /// Writes every event from `position` through `last` as JSON Lines to a file (see
    /// ``exportAudit(from:through:to:)``).
    @discardableResult
    public func exportAudit(from position: UInt64 = 1, through last: UInt64? = nil, to file: FileHandle) throws(EngineError) -> Int {
        try auditing {
            var buffer = FileBuffer(file: file)
            let count = try exportLog(from: position, through: last) { try buffer.write($0) }
            try buffer.flush()
            return count
        }
    }

    private static let exportBatch = 256

    private func exportStream(_ stream: String, _ emit: (String) throws -> Void) throws -> Int {
        var version: UInt64 = 1
        var count = 0
        while true {
            let batch = try log.readStream(stream, from: version, limit: Self.exportBatch)
            for record in batch { try emit(audit.line(record) + "\n") }
            count += batch.count
            guard batch.count == Self.exportBatch, let last = batch.last else { return count }
            version = last.streamVersion + 1
        }
    }

    private func exportLog(from position: UInt64, through last: UInt64?, _ emit: (String) throws -> Void) throws -> Int {
        let end = try last ?? log.headPosition()
        var next = max(position, 1)
        var count = 0
        while next <= end {
            let batch = try log.read(from: next, limit: Int(min(UInt64(Self.exportBatch), end - next + 1)))
            guard let final = batch.last else { break }
            for record in batch { try emit(audit.line(record) + "\n") }
            count += batch.count
            next = final.position + 1
        }
        return count
    }

    /// Runs an audit read, reporting failures as ``EngineError/storage(_:)``.
    private func auditing<R>(_ body: () throws -> R) throws(EngineError) -> R {
        do {
            return try body()
        } catch {
            throw EngineError.from(error)
        }
    }
}

/// Collects export lines and writes them to a file in blocks of about 64 KiB.
private struct FileBuffer {
    let file: FileHandle
    var pending: [UInt8] = []

    mutating func write(_ text: String) throws {
        pending.append(contentsOf: text.utf8)
        if pending.count >= 1 << 16 { try flush() }
    }

    mutating func flush() throws {
        guard !pending.isEmpty else { return }
        try file.write(contentsOf: pending)
        pending.removeAll(keepingCapacity: true)
    }
}
