/// The events of a log from a position on, as an `AsyncSequence` (see ``EventLog/subscribe(from:)``).
///
/// It reads in batches by position, so it cannot skip or repeat an event: positions are gapless
/// and only committed events are visible. When it has read everything committed it waits for the
/// writer's next commit.
public struct EventSubscription: AsyncSequence, Sendable {
    /// Each element is one recorded event.
    public typealias Element = RecordedEvent

    let log: EventLog
    let from: UInt64
    let follows: Bool

    /// Reads batches and waits for commits.
    public struct AsyncIterator: AsyncIteratorProtocol {
        let log: EventLog
        let follows: Bool
        var next: UInt64
        var buffer: [RecordedEvent] = []
        var index = 0
        static let batchSize = 256

        /// The next event, or `nil` when the sequence ended.
        public mutating func next() async throws -> RecordedEvent? {
            while true {
                if index < buffer.count {
                    defer { index += 1 }
                    return buffer[index]
                }
                if Task.isCancelled { return nil }
                do {
                    buffer = try log.read(from: next, limit: Self.batchSize)
                } catch EventLogError.Code.closed {
                    return nil
                }
                index = 0
                if let last = buffer.last {
                    next = last.position + 1
                    continue
                }
                guard follows, await log.broadcast.wait(untilHeadReaches: next) else { return nil }
            }
        }
    }

    /// Starts reading at the subscription's position.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(log: log, follows: follows, next: from)
    }
}
