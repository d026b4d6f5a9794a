import ComplaintLMDB
import EventLog
import Foundation
import Synchronization
import Testing

/// Remembers every position applied to it and the size of each apply (its bytes: one key per
/// position, so a rebuild can be compared with incremental updates).
final class PositionRecorder: Projection, @unchecked Sendable {
    let name: String
    var version: UInt32 = 1
    let applied = Mutex<(positions: [UInt64], batches: [Int])>(([], []))

    init(name: String, version: UInt32 = 1) {
        self.name = name
        self.version = version
    }

    func apply(_ events: [RecordedEvent], to space: ProjectionSpace, in transaction: borrowing WriteTransaction) throws {
        applied.withLock { seen in
            seen.positions += events.map(\.position)
            seen.batches.append(events.count)
        }
        for event in events {
            try space.put(withUnsafeBytes(of: event.position.bigEndian) { Array($0) }, Array(event.type.utf8), in: transaction)
        }
    }

    func reset() { applied.withLock { $0 = ([], []) } }
}

@Suite struct ProjectionReplayTests {
    @Test func aRebuildOfSeveralProjectionsFeedsEachEveryRecordOnceInOnePass() async throws {
        let first = PositionRecorder(name: "first")
        let second = PositionRecorder(name: "second")
        try await withLog(.init(durability: .relaxed, projections: [first, second], projectionChunkSize: 3_000)) { log, _ in
            for index in 0..<250 { _ = try await log.append(request("s-\(index % 13)", 20)) }
            let head = try log.headPosition()
            let before = (try log.dumpProjection("first"), try log.dumpProjection("second"))
            first.reset()
            second.reset()
            var reported: [String: UInt64] = [:]
            try log.rebuildProjections { reported[$0.projection] = $0.position }
            for recorder in [first, second] {
                let seen = recorder.applied.withLock { $0 }
                #expect(seen.positions == Array(1...head), "every record once, in order")
                #expect(seen.batches.allSatisfy { $0 <= 1_024 }, "slices small enough for shared decode caches")
                #expect(try log.projectionStatus(recorder.name)?.generation == 2)
                #expect(try log.projectionStatus(recorder.name)?.checkpoint == head)
            }
            #expect(reported == ["first": head, "second": head])
            #expect(try log.dumpProjection("first").map(\.key) == before.0.map(\.key))
            #expect(try log.dumpProjection("second").map(\.value) == before.1.map(\.value))
        }
    }

    @Test func openingRebuildsChangedProjectionsAndCatchesUpTheOthersInTheSamePass() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        var log = try EventLog.open(directory: directory.path, configuration: .init(
            durability: .relaxed, projections: [PositionRecorder(name: "kept")]))
        for _ in 0..<40 { _ = try await log.append(request("A", 5)) }
        log.close()
        // 200 events; "kept" is at 200. Append 100 more with no projections registered.
        log = try EventLog.open(directory: directory.path, configuration: .init(durability: .relaxed))
        for _ in 0..<20 { _ = try await log.append(request("B", 5)) }
        log.close()

        let kept = PositionRecorder(name: "kept")
        let bumped = PositionRecorder(name: "kept-too", version: 1)
        log = try EventLog.open(directory: directory.path, configuration: .init(
            durability: .relaxed, projections: [kept, bumped], projectionChunkSize: 64))
        #expect(kept.applied.withLock { $0.positions } == Array(201...300), "caught up in place from its checkpoint")
        #expect(bumped.applied.withLock { $0.positions } == Array(1...300), "built from position 1")
        #expect(try log.projectionStatus("kept") == ProjectionStatus(name: "kept", generation: 1, version: 1, checkpoint: 300))
        #expect(try log.projectionStatus("kept-too") == ProjectionStatus(name: "kept-too", generation: 1, version: 1, checkpoint: 300))
        #expect(try log.dumpProjection("kept").map(\.key) == log.dumpProjection("kept-too").map(\.key))
        log.close()
    }
}
