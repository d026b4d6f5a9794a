import ComplaintLMDB
import CComplaintLMDB
import EventLog
import Foundation
import Testing

@Suite struct GroupCommitTests {
    @Test func concurrentAppendsToOverlappingStreamsStayGaplessWithOneWinnerPerConflict() async throws {
        try await withLog { log, _ in
            let streams = ["A", "B", "C"]
            // Each task appends 25 times to a stream chosen round-robin; some with an expected
            // version read just before, so conflicts happen.
            let outcomes = try await withThrowingTaskGroup(of: (ok: Int, conflicts: Int).self) { group in
                for task in 0..<8 {
                    group.addTask {
                        var ok = 0, conflicts = 0
                        for index in 0..<25 {
                            let stream = streams[(task + index) % 3]
                            let seen = try log.streamState(stream)?.version ?? 0
                            do {
                                _ = try await log.append(request(stream, 1 + index % 2, expected: index % 2 == 0 ? .exact(seen) : .any))
                                ok += 1
                            } catch EventLogError.Code.versionConflict {
                                conflicts += 1
                            }
                        }
                        return (ok, conflicts)
                    }
                }
                return try await group.reduce(into: [(ok: Int, conflicts: Int)]()) { $0.append($1) }
            }
            #expect(outcomes.map { $0.ok + $0.conflicts }.reduce(0, +) == 200)
            let all = try log.read(from: 1, limit: 10_000)
            #expect(all.map(\.position) == Array(1...UInt64(all.count)))
            for stream in streams {
                #expect(try log.readStream(stream).map(\.streamVersion) == Array(1...UInt64(try log.readStream(stream).count)))
            }
            #expect(try log.verify().isIntact)
        }
    }

    @Test func exactlyOneOfManyConflictingAppendsWins() async throws {
        try await withLog { log, _ in
            _ = try await log.append(request("S", 1))
            let results = await withTaskGroup(of: Bool.self) { group in
                for _ in 0..<32 {
                    group.addTask { (try? await log.append(request("S", 1, expected: .exact(1)))) != nil }
                }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(results.filter { $0 }.count == 1)
            #expect(try log.streamState("S")?.version == 2)
        }
    }

    @Test func sixtyFourConcurrentCallersShareCommits() async throws {
        try await withLog { log, _ in
            let callers = 64, perCaller = 20
            try await withThrowingTaskGroup(of: Void.self) { group in
                for caller in 0..<callers {
                    group.addTask {
                        for index in 0..<perCaller { _ = try await log.append(request("c\(caller)", 1, command: "\(caller)-\(index)")) }
                    }
                }
                try await group.waitForAll()
            }
            let stats = log.statistics
            #expect(stats.requests == callers * perCaller)
            #expect(stats.events == callers * perCaller)
            #expect(stats.commits * 4 < stats.requests, "commits \(stats.commits) for \(stats.requests) appends")
        }
    }

    @Test func aConflictInTheMiddleOfABatchFailsAlone() async throws {
        // The gate holds the writer inside one commit while 40 requests queue up behind it, so the
        // next commit takes all 40 at once, the conflicting one in the middle.
        let gate = GateClock()
        try await withLog(.init(clock: gate)) { log, _ in
            _ = try await log.append(request("hot", 1))
            gate.close()
            let warmUp = Task { try await log.append(request("warm-up", 1)) }
            let outcomes = Task {
                await withTaskGroup(of: (Int, Bool).self) { group in
                    for index in 0..<40 {
                        group.addTask {
                            let expected: ExpectedVersion = index == 20 ? .exact(99) : .any
                            let stream = index == 20 ? "hot" : "cold-\(index)"
                            return (index, (try? await log.append(request(stream, 1, expected: expected))) != nil)
                        }
                    }
                    return await group.reduce(into: [Int: Bool]()) { $0[$1.0] = $1.1 }
                }
            }
            while log.statistics.queued < 40 { await Task.yield() }
            gate.open()
            _ = try await warmUp.value
            let results = await outcomes.value
            #expect(results[20] == false)
            #expect(results.filter { $0.key != 20 }.allSatisfy { $0.value })
            #expect(try log.headPosition() == 41)
            #expect(log.statistics.largestBatch == 40)
            #expect(log.statistics.commits == 3)
        }
    }

    @Test(arguments: Durability.allCases)
    func environmentFlagsMatchTheDurabilityMode(_ durability: Durability) async throws {
        try await withLog(.init(durability: durability)) { log, _ in
            let noSync = log.environment.flags & UInt32(MDB_NOSYNC) != 0
            #expect(noSync == (durability == .relaxed))
            #expect(log.environment.flags & UInt32(MDB_NOTLS) != 0)
        }
    }

    @Test func relaxedModeFlushesOnClose() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        // An hour-long interval: the only flush is the one on close.
        let log = try EventLog.open(directory: directory.path, configuration: .init(durability: .relaxed, relaxedSyncInterval: .seconds(3600)))
        _ = try await log.append(request("S"))
        #expect(log.statistics.relaxedSyncs == 0)
        log.close()
        #expect(log.statistics.relaxedSyncs == 1)
        let reopened = try EventLog.open(directory: directory.path)
        #expect(try reopened.headPosition() == 1)
        reopened.close()
    }

    @Test func theMapGrowsFromATinyStartEvenInTheMiddleOfAGroupCommit() async throws {
        try await withLog(.init(mapSize: 64 << 10)) { log, _ in
            let payload = [UInt8](repeating: 7, count: 3000)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for caller in 0..<64 {
                    group.addTask {
                        for index in 0..<10 {
                            _ = try await log.append(AppendRequest(stream: "g\(caller)", kind: "test", events: [
                                ProposedEvent(type: "Grown", actor: testActor, payload: payload + [UInt8(index)]),
                            ]))
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(log.environment.mapGrowthCount >= 3)
            #expect(log.environment.mapSize > 64 << 10)
            #expect(try log.headPosition() == 640)
            #expect(log.statistics.commits < 640)
            #expect(try log.verify().isIntact)
        }
    }

    @Test func aMapAtItsCeilingIsStorageFullAndWritesNothing() async throws {
        try await withLog(.init(mapSize: 64 << 10, maximumMapSize: 128 << 10)) { log, _ in
            let payload = [UInt8](repeating: 7, count: 200 << 10)
            let error = await #expect(throws: EventLogError.self) {
                try await log.append(AppendRequest(stream: "S", kind: "test", events: [
                    ProposedEvent(type: "Huge", actor: testActor, payload: Array(payload.prefix(LogLimits.maxPayloadBytes))),
                ]))
            }
            #expect(error?.code == .storageFull)
            #expect(try log.headPosition() == 0)
            _ = try await log.append(request("S"))
            #expect(try log.headPosition() == 1)
        }
    }
}
