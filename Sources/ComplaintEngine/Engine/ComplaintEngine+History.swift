import ComplaintWorkflow
import EventLog

/// Reading recorded workflow events back in log order (fixture runners, exporters, tools).
extension ComplaintEngine {
    /// The workflow events recorded at positions after `position`, in position order, with their
    /// personal fields revealed (or `"[erased]"` after an erasure). Records that are not workflow
    /// events (`PolicyActivated`) are skipped.
    ///
    /// - Throws: ``EngineError/storage(_:)`` when the log cannot be read or a record does not decode.
    public func loggedEvents(after position: UInt64 = 0) throws(EngineError) -> [LoggedEvent] {
        try reading {
            var events: [LoggedEvent] = []
            var next = position + 1
            while true {
                let records = try log.read(from: next, limit: 1000)
                for record in records where EventType(rawValue: record.type) != nil {
                    events.append(try translator.logged(record))
                }
                guard let last = records.last, records.count == 1000 else { break }
                next = last.position + 1
            }
            return events
        }
    }

    /// The events of one stream, in stream order (see ``loggedEvents(after:)``).
    public func loggedEvents(stream: String) throws(EngineError) -> [LoggedEvent] {
        try reading {
            guard let last = try log.streamState(stream)?.version, last > 0 else { return [] }
            return try log.readStream(stream, from: 1, limit: Int(last))
                .filter { EventType(rawValue: $0.type) != nil }
                .map(translator.logged)
        }
    }
}
