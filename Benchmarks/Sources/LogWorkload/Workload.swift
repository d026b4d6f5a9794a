import ComplaintLMDB
public import EventLog
import Foundation

/// The benchmark workload: small complaint-like events (~200-byte payloads) in streams of about
/// 12 events, as the standard workload's complaints have.
///
/// Event templates are built once; requests share their payload storage, so building a request in
/// a timed loop costs a few small strings, not a payload copy.
public enum Workload {
    /// Mean payload size in bytes (payloads are 180–220 bytes).
    public static let payloadBytes = 200
    /// Events per complaint stream.
    public static let eventsPerStream = 12
    /// Events per batched append (one request, or one wave of concurrent single-event requests).
    public static let batchSize = 1_000

    /// The event types of one complaint's life, in order.
    public static let eventTypes = [
        "ComplaintReceived", "ComplaintAcknowledged", "ComplaintClassified", "SeverityAssessed",
        "ComplaintAssigned", "InvestigationStarted", "ResolutionProposed", "ResolutionImplemented",
        "ResultCommunicated", "CustomerResponseRecorded", "SatisfactionRecorded", "ComplaintClosed",
    ]

    /// 1,000 distinct event templates (types, actors, payload bytes vary; fixed ids for repeatability).
    public static let templates: [ProposedEvent] = (0..<batchSize).map(template)

    static func template(_ index: Int) -> ProposedEvent {
        let size = payloadBytes - 20 + (index * 7) % 41   // 180...220, mean ≈ 200
        var payload: [UInt8] = []
        payload.reserveCapacity(size)
        let text = Array("Customer reports the delivered unit stopped working after two days; asks for refund ".utf8)
        for offset in 0..<size { payload.append(text[(offset + index) % text.count]) }
        let low = UInt16(index)   // templates are fewer than 65,536
        let id = UUID(uuid: (0x5b, 0xe7, 0x1c, 0x4a, 0, 0, 0x40, 0, 0x80, 0, 0, 0, 0, 0, UInt8(low >> 8), UInt8(low & 0xff)))
        return ProposedEvent(
            type: eventTypes[index % eventTypes.count], id: id,
            actor: EventActor(id: "agent-\(index % 50)", role: "agent"), payload: payload)
    }

    /// The stream of complaint `complaint`.
    @inline(__always)
    public static func stream(_ complaint: Int) -> String { "C-\(complaint)" }

    /// One request carrying events `first ..< first + count` of the global sequence, grouped into
    /// complaint streams of ``eventsPerStream`` (the bulk-import shape: many complaints, one commit).
    public static func batchRequest(first: Int, count: Int = batchSize, commandID: String? = nil) -> AppendRequest {
        var streams: [StreamAppend] = []
        streams.reserveCapacity(count / eventsPerStream + 2)
        var index = first
        let end = first + count
        while index < end {
            let complaint = index / eventsPerStream
            let streamEnd = min(end, (complaint + 1) * eventsPerStream)
            var events: [ProposedEvent] = []
            events.reserveCapacity(streamEnd - index)
            for event in index..<streamEnd { events.append(templates[event % templates.count]) }
            streams.append(StreamAppend(stream: stream(complaint), kind: "complaint", events: events))
            index = streamEnd
        }
        return AppendRequest(commandID: commandID ?? "batch-\(first)", streams: streams)
    }

    /// One command recording event `index` of the global sequence in its complaint's stream.
    @inline(__always)
    public static func singleRequest(_ index: Int) -> AppendRequest {
        AppendRequest(
            commandID: "cmd-\(index)", stream: stream(index / eventsPerStream), kind: "complaint",
            events: [templates[index % templates.count]])
    }

    /// The stored records of the first `count` workload events exactly as the log writes them
    /// (written by a throwaway log in `directory`), so the raw baselines put the same bytes.
    public static func sampleRecords(in directory: String, count: Int = batchSize) async throws -> [[UInt8]] {
        let log = try EventLog.open(directory: directory, configuration: .init(durability: .relaxed))
        defer { log.close() }
        _ = try await log.append(batchRequest(first: 0, count: count))
        let events = log.environment.database("events")
        return try log.environment.read { txn in
            try txn.withCursor(on: events) { cursor in
                var records: [[UInt8]] = []
                var entry = try cursor.first()
                while let current = entry {
                    records.append(Array(current.value))
                    entry = try cursor.next()
                }
                return records
            }
        }
    }
}
