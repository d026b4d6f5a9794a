import ComplaintLMDB
import EventLog
import Foundation
import Synchronization
import Testing
import SeededRandom

/// Counts events per stream: key = stream id, value = u64 count.
struct StreamCounts: Projection {
    var name = "stream-counts"
    var version: UInt32 = 1

    func apply(_ events: [RecordedEvent], to space: ProjectionSpace, in transaction: borrowing WriteTransaction) throws {
        for event in events {
            let key = Array(event.stream.utf8)
            let current = try space.get(key, in: transaction).map { bytes in bytes.reduce(UInt64(0)) { $0 << 8 | UInt64($1) } } ?? 0
            try space.put(key, withUnsafeBytes(of: (current + 1).bigEndian) { Array($0) }, in: transaction)
        }
    }
}

/// Indexes positions by event type: key = type | u64 position, value = stream id.
struct TypeIndex: Projection {
    var name = "type-index"
    var version: UInt32 = 1

    func apply(_ events: [RecordedEvent], to space: ProjectionSpace, in transaction: borrowing WriteTransaction) throws {
        for event in events {
            try space.put(Array(event.type.utf8) + withUnsafeBytes(of: event.position.bigEndian) { Array($0) },
                          Array(event.stream.utf8), in: transaction)
        }
    }
}

/// Refuses to apply events of type `Poison`.
struct Fussy: Projection {
    var name = "fussy"
    var version: UInt32 = 1
    struct Refused: Error {}

    func apply(_ events: [RecordedEvent], to space: ProjectionSpace, in transaction: borrowing WriteTransaction) throws {
        if events.contains(where: { $0.type == "Poison" }) { throw Refused() }
    }
}

func count(_ log: EventLog, _ stream: String) throws -> UInt64? {
    try log.readProjection("stream-counts") { space, txn in
        try space.get(Array(stream.utf8), in: txn).map { bytes in bytes.reduce(UInt64(0)) { $0 << 8 | UInt64($1) } }
    }
}

@Suite struct ProjectionTests {
    @Test func projectionsReflectACommitWhenItsAppendReturns() async throws {
        try await withLog(.init(projections: [StreamCounts(), TypeIndex()])) { log, _ in
            _ = try await log.append(request("A", 3))
            #expect(try count(log, "A") == 3)
            _ = try await log.append(AppendRequest(streams: [
                StreamAppend(stream: "A", kind: "test", events: [event()]),
                StreamAppend(stream: "B", kind: "test", events: [event("Other"), event("Other")]),
            ]))
            #expect(try count(log, "A") == 4)
            #expect(try count(log, "B") == 2)
            #expect(try count(log, "C") == nil)
            #expect(try log.projectionStatus("stream-counts")?.checkpoint == 6)
            #expect(try log.projectionStatus("type-index")?.checkpoint == 6)
            let others = try log.dumpProjection("type-index").filter { $0.key.starts(with: Array("Other".utf8)) }
            #expect(others.count == 2)
        }
    }

    @Test func aProjectionThatThrowsFailsTheAppendAndRecordsNothing() async throws {
        try await withLog(.init(projections: [StreamCounts(), Fussy()])) { log, _ in
            _ = try await log.append(request("A", 1))
            await expectRefusal(.storageFailed) {
                try await log.append(AppendRequest(stream: "A", kind: "test", events: [event("Poison")]))
            }
            #expect(try log.headPosition() == 1)
            #expect(try count(log, "A") == 1)
            #expect(try log.projectionStatus("stream-counts")?.checkpoint == 1)
        }
    }

    @Test func aRebuildEqualsTheIncrementalStateByteForByteOnALargeRandomLog() async throws {
        try await withLog(.init(durability: .relaxed, projections: [StreamCounts(), TypeIndex()], projectionChunkSize: 1000)) { log, _ in
            var random = SplitMix64(seed: 2026)
            var expected: [String: UInt64] = [:]
            for _ in 0..<600 {
                let streams = (0..<(1 + Int(random.next() % 3))).map { _ in "s-\(random.next() % 97)" }
                let appends = streams.map { stream in
                    let events = (0..<(1 + Int(random.next() % 20))).map { _ in event("T\(random.next() % 5)") }
                    expected[stream, default: 0] += UInt64(events.count)
                    return StreamAppend(stream: stream, kind: "test", events: events)
                }
                _ = try await log.append(AppendRequest(streams: appends))
            }
            let before = try log.dumpProjection("stream-counts")
            let typesBefore = try log.dumpProjection("type-index")
            #expect(before.count == expected.count)
            for (stream, total) in expected { #expect(try count(log, stream) == total) }
            var reported: [UInt64] = []
            try log.rebuildProjections { reported.append($0.position) }
            let after = try log.dumpProjection("stream-counts")
            #expect(after.map(\.key) == before.map(\.key))
            #expect(after.map(\.value) == before.map(\.value))
            #expect(try log.dumpProjection("type-index").map(\.key) == typesBefore.map(\.key))
            #expect(try log.projectionStatus("stream-counts")?.generation == 2)
            #expect(reported.last == (try log.headPosition()))
            #expect(reported.count > 2, "progress is reported per chunk")
            // The old generations are gone: the shared database holds exactly the live keys.
            let stored = try log.environment.read { try $0.count(of: log.environment.database("projections")) }
            #expect(stored == before.count + typesBefore.count)
        }
    }

    @Test func aRebuildWhileAppendsRunMissesNothing() async throws {
        try await withLog(.init(projections: [StreamCounts()], projectionChunkSize: 100)) { log, _ in
            for index in 0..<200 { _ = try await log.append(request("pre-\(index % 10)", 5)) }
            let writers = Task {
                for index in 0..<300 { _ = try await log.append(request("live-\(index % 7)", 2)) }
            }
            let rebuild = Task.detached { try log.rebuildProjections() }
            try await rebuild.value
            try await writers.value
            for index in 0..<10 { #expect(try count(log, "pre-\(index)") == 100) }
            let live = try (0..<7).map { try count(log, "live-\($0)") ?? 0 }.reduce(0, +)
            #expect(live == 600)
            #expect(try log.projectionStatus("stream-counts")?.checkpoint == (try log.headPosition()))
        }
    }

    @Test func aProjectionAddedLaterOrWithANewVersionIsBuiltWhenTheLogOpens() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        var log = try EventLog.open(directory: directory.path)
        for _ in 0..<30 { _ = try await log.append(request("A", 1)) }
        log.close()

        let seen = Mutex<[UInt64]>([])
        log = try EventLog.open(directory: directory.path, configuration: .init(
            projections: [StreamCounts()], projectionChunkSize: 7, projectionProgress: { progress in seen.withLock { $0.append(progress.position) } }))
        #expect(try count(log, "A") == 30)
        #expect(seen.withLock { $0.last } == 30)
        log.close()

        var bumped = StreamCounts()
        bumped.version = 2
        log = try EventLog.open(directory: directory.path, configuration: .init(projections: [bumped]))
        #expect(try log.projectionStatus("stream-counts") == ProjectionStatus(name: "stream-counts", generation: 2, version: 2, checkpoint: 30))
        #expect(try count(log, "A") == 30)
        _ = try await log.append(request("A", 1))
        #expect(try count(log, "A") == 31)
        log.close()
    }

    @Test func unknownProjectionsAreRefused() async throws {
        try await withLog(.init(projections: [StreamCounts()])) { log, _ in
            #expect(throws: EventLogError.self) { try log.dumpProjection("nope") }
            #expect(throws: EventLogError.self) { try log.rebuildProjections(["nope"]) }
        }
    }
}
