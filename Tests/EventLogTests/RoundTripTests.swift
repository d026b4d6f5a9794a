import ComplaintLMDB
import EventLog
import Foundation
import Testing

@Suite struct RoundTripTests {
    @Test func everyFieldRoundTrips() async throws {
        let clock = ManualTime()
        try await withLog(.init(clock: clock)) { log, _ in
            let id = UUID()
            let occurred = Date(timeIntervalSince1970: 1_771_999_000.123456)
            let proposed = ProposedEvent(
                type: "Complaint.Received_v-2", schemaVersion: 7, id: id, actor: EventActor(id: "张三", role: "agent"),
                occurredAt: occurred, correlationID: "corr-1", causationID: "cause-1",
                payload: [0, 1, 2, 255] + Array("数据".utf8), metadata: Array("meta".utf8))
            let result = try await log.append(AppendRequest(
                commandID: "cmd-1", fingerprint: [9, 9], stream: "C-一", kind: "complaint", expectedVersion: .noStream,
                events: [proposed]))
            #expect(result.positions == 1...1)
            #expect(result.streamVersions == ["C-一": 1])
            #expect(!result.isDuplicate)
            let stored = try #require(try log.event(at: 1))
            #expect(stored.position == 1)
            #expect(stored.stream == "C-一")
            #expect(stored.streamKind == "complaint")
            #expect(stored.streamVersion == 1)
            #expect(stored.type == "Complaint.Received_v-2")
            #expect(stored.schemaVersion == 7)
            #expect(stored.id == id)
            #expect(stored.commandID == "cmd-1")
            #expect(stored.correlationID == "corr-1")
            #expect(stored.causationID == "cause-1")
            #expect(stored.actor == EventActor(id: "张三", role: "agent"))
            #expect(stored.recordedAt == clock.now())
            #expect(abs(stored.occurredAt.timeIntervalSince(occurred)) < 1e-6)
            #expect(stored.payload == proposed.payload)
            #expect(stored.metadata == proposed.metadata)
            #expect(stored.previousHash == .genesis)
            #expect(stored.hash != .genesis)
            #expect(try log.chainHead() == ChainHead(position: 1, hash: stored.hash))
        }
    }

    @Test func optionalFieldsStayAbsentAndOccurredAtDefaultsToCommitTime() async throws {
        let clock = ManualTime()
        try await withLog(.init(clock: clock)) { log, _ in
            _ = try await log.append(request("S"))
            let stored = try #require(try log.event(at: 1))
            #expect(stored.commandID == nil && stored.correlationID == nil && stored.causationID == nil)
            #expect(stored.occurredAt == stored.recordedAt)
        }
    }

    @Test func recordedAtNeverDecreasesEvenWhenTheClockGoesBack() async throws {
        let clock = ManualTime()
        try await withLog(.init(clock: clock)) { log, _ in
            _ = try await log.append(request("S"))
            clock.advance(seconds: -3600)
            _ = try await log.append(request("S"))
            let events = try log.read(from: 1)
            #expect(events[1].recordedAt == events[0].recordedAt)
        }
    }

    @Test func readsStreamsForwardsAndBackwards() async throws {
        try await withLog { log, _ in
            for round in 0..<5 {
                _ = try await log.append(request("A", 2))
                _ = try await log.append(request("AB", 1))
                _ = try await log.append(request("B\(round)", 1))
            }
            let forwards = try log.readStream("A")
            #expect(forwards.map(\.streamVersion) == Array(1...10))
            #expect(forwards.allSatisfy { $0.stream == "A" })
            #expect(try log.readStream("A", from: 4, limit: 3).map(\.streamVersion) == [4, 5, 6])
            #expect(try log.readStream("A", from: UInt64.max, direction: .backwards).map(\.streamVersion) == Array((1...10).reversed()))
            #expect(try log.readStream("A", from: 3, direction: .backwards).map(\.streamVersion) == [3, 2, 1])
            #expect(try log.readStream("AB", from: 99, direction: .backwards, limit: 2).map(\.streamVersion) == [5, 4])
            #expect(try log.readStream("missing").isEmpty)
            #expect(try log.streamState("A")?.version == 10)
            #expect(try log.streamState("A")?.kind == "test")
            #expect(try log.streamState("missing") == nil)
        }
    }

    @Test func headAndBatchesAcrossALargeLog() async throws {
        try await withLog(.init(durability: .relaxed)) { log, _ in
            #expect(try log.headPosition() == 0)
            #expect(try log.chainHead() == ChainHead(position: 0, hash: .genesis))
            let total = 20_000
            try await withThrowingTaskGroup(of: Void.self) { group in
                for task in 0..<4 {
                    group.addTask {
                        for index in 0..<(total / 4 / 50) {
                            _ = try await log.append(request("s\(task)-\(index % 10)", 50))
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(try log.headPosition() == UInt64(total))
            var next: UInt64 = 1
            var seen = 0
            while true {
                let batch = try log.read(from: next, limit: 1000)
                guard let last = batch.last else { break }
                #expect(batch.first?.position == next)
                #expect(batch.count <= 1000)
                seen += batch.count
                next = last.position + 1
            }
            #expect(seen == total)
            #expect(try log.verify().isIntact)
        }
    }

    @Test func reopeningKeepsEverythingAndContinuesTheChain() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        var log = try EventLog.open(directory: directory.path)
        _ = try await log.append(request("S", 3))
        let head = try log.chainHead()
        log.close()
        log = try EventLog.open(directory: directory.path)
        #expect(try log.chainHead() == head)
        _ = try await log.append(request("S", 1, expected: .exact(3)))
        #expect(try log.readStream("S").map(\.streamVersion) == [1, 2, 3, 4])
        #expect(try log.verify().isIntact)
        log.close()
    }
}
