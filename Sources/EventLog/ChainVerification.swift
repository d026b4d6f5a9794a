import ComplaintLMDB

/// The outcome of ``EventLog/verify(from:through:progress:)``.
public struct VerificationReport: Sendable, Hashable, CustomStringConvertible {
    /// Where and why the chain first failed a check.
    public struct Break: Sendable, Hashable, CustomStringConvertible {
        /// Why a record failed.
        public enum Reason: Sendable, Hashable {
            /// The recomputed hash differs from the stored one: the record was changed.
            case hashMismatch
            /// The stored previous hash differs from the hash of the record before it.
            case previousHashMismatch
            /// The position is missing (a record was deleted).
            case missingPosition
            /// The record's own position differs from its key.
            case positionMismatch
            /// The record's `recordedAt` is earlier than its predecessor's.
            case recordedAtDecreased
            /// The record's bytes cannot be decoded.
            case unreadable(String)
        }

        /// The first position that failed.
        public var position: UInt64
        /// What failed there.
        public var reason: Reason

        /// Creates a break record.
        public init(position: UInt64, reason: Reason) {
            self.position = position
            self.reason = reason
        }

        /// `position N: reason`.
        public var description: String { "position \(position): \(reason)" }
    }

    /// The first position checked.
    public var from: UInt64
    /// The last position checked (the head when none was given).
    public var through: UInt64
    /// How many records were checked.
    public var checked: UInt64
    /// The first break, or `nil` when the range verifies.
    public var firstBreak: Break?
    /// The hash of the last record checked.
    public var lastHash: ChainHash

    /// Whether every checked record is intact and linked.
    public var isIntact: Bool { firstBreak == nil }

    /// A one-line summary.
    public var description: String {
        if let firstBreak { return "chain broken at \(firstBreak)" }
        return "chain intact: positions \(from)–\(through) (\(checked) records), head hash \(lastHash.hex)"
    }
}

extension EventLog {
    /// Recomputes the hash chain over `from...through` (default: the whole log) and reports the first
    /// position where it breaks: a changed byte in any field, a broken link, a deleted record.
    ///
    /// Reads in chunks of separate read transactions, so verifying a large log neither blocks the
    /// writer nor pins old pages for long. `progress` is called after each chunk with the last
    /// position checked.
    public func verify(
        from: UInt64 = 1, through: UInt64? = nil, progress: ((UInt64) -> Void)? = nil
    ) throws -> VerificationReport {
        let start = max(from, 1)
        let end = try through ?? headPosition()
        var report = VerificationReport(from: start, through: end, checked: 0, firstBreak: nil, lastHash: .genesis)
        guard start <= end else { return report }
        var expectedPrevious: ChainHash
        var previousRecordedAt = Int64.min
        if start == 1 {
            expectedPrevious = .genesis
        } else {
            guard let previous = try event(at: start - 1) else {
                report.firstBreak = .init(position: start - 1, reason: .missingPosition)
                return report
            }
            expectedPrevious = previous.hash
            previousRecordedAt = Microseconds.from(previous.recordedAt)
        }
        var next = start
        let chunk = 4096
        while next <= end {
            let outcome: VerificationReport.Break? = try reading { txn in
                try txn.withCursor(on: storage.events) { cursor in
                    var entry = try PositionKey.bytes(next).withUnsafeBytes { try cursor.seek(atLeast: $0) }
                    var inChunk = 0
                    while next <= end, inChunk < chunk {
                        guard let current = entry, let key = PositionKey.decode(current.key), key <= end else {
                            return .init(position: next, reason: .missingPosition)
                        }
                        if key != next { return .init(position: next, reason: .missingPosition) }
                        let decoded: (event: RecordedEvent, bodyLength: Int)
                        do {
                            decoded = try RecordFormat.decode(current.value)
                        } catch {
                            return .init(position: next, reason: .unreadable("\(error)"))
                        }
                        let body = UnsafeRawBufferPointer(rebasing: current.value[0..<decoded.bodyLength])
                        if ChainHash.link(decoded.event.previousHash, body) != decoded.event.hash {
                            return .init(position: next, reason: .hashMismatch)
                        }
                        if decoded.event.previousHash != expectedPrevious {
                            return .init(position: next, reason: .previousHashMismatch)
                        }
                        if decoded.event.position != key { return .init(position: next, reason: .positionMismatch) }
                        let recordedAt = Microseconds.from(decoded.event.recordedAt)
                        if recordedAt < previousRecordedAt { return .init(position: next, reason: .recordedAtDecreased) }
                        previousRecordedAt = recordedAt
                        expectedPrevious = decoded.event.hash
                        report.checked += 1
                        next += 1
                        inChunk += 1
                        entry = try cursor.next()
                    }
                    return nil
                }
            }
            if let outcome {
                report.firstBreak = outcome
                return report
            }
            report.lastHash = expectedPrevious
            progress?(next - 1)
        }
        return report
    }
}
