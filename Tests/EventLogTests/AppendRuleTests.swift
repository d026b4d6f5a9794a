import EventLog
import Foundation
import Testing

@Suite struct AppendRuleTests {
    @Test func expectedVersionsAreChecked() async throws {
        try await withLog { log, _ in
            _ = try await log.append(request("S", 2, expected: .noStream))
            await expectRefusal(.versionConflict) { try await log.append(request("S", 1, expected: .noStream)) }
            await expectRefusal(.versionConflict) { try await log.append(request("S", 1, expected: .exact(1))) }
            await expectRefusal(.versionConflict) { try await log.append(request("T", 1, expected: .exists)) }
            await expectRefusal(.versionConflict) { try await log.append(request("T", 1, expected: .exact(1))) }
            let ok = try await log.append(request("S", 1, expected: .exact(2)))
            #expect(ok.streamVersions == ["S": 3])
            _ = try await log.append(request("S", 1, expected: .exists))
            _ = try await log.append(request("T", 1, expected: .exact(0)))
            #expect(try log.headPosition() == 5)
        }
    }

    @Test func aStreamKeepsItsKind() async throws {
        try await withLog { log, _ in
            _ = try await log.append(request("S", kind: "complaint"))
            await expectRefusal(.wrongStreamKind) { try await log.append(request("S", kind: "customer")) }
            #expect(try log.headPosition() == 1)
        }
    }

    @Test func severalStreamsAreAppendedAtomically() async throws {
        try await withLog { log, _ in
            _ = try await log.append(request("B", 1))
            let refused = AppendRequest(streams: [
                StreamAppend(stream: "A", kind: "test", expectedVersion: .noStream, events: [event()]),
                StreamAppend(stream: "B", kind: "test", expectedVersion: .noStream, events: [event()]),
            ])
            await expectRefusal(.versionConflict) { try await log.append(refused) }
            #expect(try log.streamState("A") == nil)
            #expect(try log.headPosition() == 1)
            let accepted = try await log.append(AppendRequest(streams: [
                StreamAppend(stream: "A", kind: "test", expectedVersion: .noStream, events: [event(), event()]),
                StreamAppend(stream: "B", kind: "test", expectedVersion: .exact(1), events: [event()]),
                StreamAppend(stream: "A", kind: "test", expectedVersion: .exact(2), events: [event()]),
            ]))
            #expect(accepted.positions == 2...5)
            #expect(accepted.streamVersions == ["A": 3, "B": 2])
            #expect(try log.readStream("A").map(\.position) == [2, 3, 5])
        }
    }

    @Test func aRepeatedCommandIDReturnsTheOriginalResultAndWritesNothing() async throws {
        try await withLog { log, _ in
            let first = try await log.append(AppendRequest(
                commandID: "cmd-1", fingerprint: Array("Receive|C-1".utf8), stream: "C-1", kind: "test", events: [event(), event()]))
            _ = try await log.append(request("other"))
            let again = try await log.append(AppendRequest(
                commandID: "cmd-1", fingerprint: Array("different".utf8), stream: "C-1", kind: "test", events: [event()]))
            #expect(again.isDuplicate)
            #expect(again.positions == first.positions)
            #expect(again.streamVersions == first.streamVersions)
            #expect(again.fingerprint == Array("Receive|C-1".utf8))
            #expect(again.recordedAt == first.recordedAt)
            #expect(try log.headPosition() == 3)
            let looked = try log.commandResult("cmd-1")
            #expect(looked == again)
            #expect(try log.commandResult("never-sent") == nil)
        }
    }

    @Test func concurrentDuplicatesRecordOnce() async throws {
        try await withLog { log, _ in
            let results = try await withThrowingTaskGroup(of: AppendResult.self) { group in
                for _ in 0..<16 { group.addTask { try await log.append(request("C-1", 3, command: "same")) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(results.filter { !$0.isDuplicate }.count == 1)
            #expect(Set(results.map(\.positions)).count == 1)
            #expect(try log.headPosition() == 3)
        }
    }

    @Test func refusedRequestsAreNotRemembered() async throws {
        try await withLog { log, _ in
            _ = try await log.append(request("S"))
            await expectRefusal(.versionConflict) {
                try await log.append(request("S", expected: .noStream, command: "retry-me"))
            }
            let retried = try await log.append(request("S", expected: .exact(1), command: "retry-me"))
            #expect(!retried.isDuplicate)
            #expect(retried.positions == 2...2)
        }
    }

    static let badRequests: [(String, AppendRequest, String)] = [
        ("empty stream id", request(""), "streamId"),
        ("129-byte stream id", request(String(repeating: "x", count: 129)), "streamId"),
        ("oversized payload", AppendRequest(stream: "S", kind: "test", events: [
            ProposedEvent(type: "Big", actor: testActor, payload: [UInt8](repeating: 1, count: LogLimits.maxPayloadBytes + 1)),
        ]), "payload"),
        ("oversized metadata", AppendRequest(stream: "S", kind: "test", events: [
            ProposedEvent(type: "Big", actor: testActor, payload: [], metadata: [UInt8](repeating: 1, count: LogLimits.maxMetadataBytes + 1)),
        ]), "metadata"),
        ("event type with a space", AppendRequest(stream: "S", kind: "test", events: [event("Bad Type")]), "eventType"),
        ("event type starting with a digit", AppendRequest(stream: "S", kind: "test", events: [event("9Lives")]), "eventType"),
        ("empty event type", AppendRequest(stream: "S", kind: "test", events: [event("")]), "eventType"),
        ("empty command id", request("S", command: ""), "commandId"),
        ("empty actor id", AppendRequest(stream: "S", kind: "test", events: [event(actor: EventActor(id: "", role: "agent"))]), "actor.id"),
        ("bad stream kind", request("S", kind: "bad kind"), "streamKind"),
        ("no streams", AppendRequest(streams: []), "streams"),
    ]

    @Test(arguments: badRequests.indices)
    func badInputIsRefusedWithATypedErrorAndRecordsNothing(_ index: Int) async throws {
        let (_, bad, field) = Self.badRequests[index]
        try await withLog { log, _ in
            let error = await #expect(throws: EventLogError.self) { try await log.append(bad) }
            #expect(error?.code == .validationFailed)
            #expect(error?.field == field)
            let head = try log.headPosition()
            #expect(head == 0)
            #expect(log.statistics.requests == 0)
        }
    }

    @Test func aMaximumPayloadIsAccepted() async throws {
        try await withLog { log, _ in
            let payload = (0..<LogLimits.maxPayloadBytes).map { UInt8($0 % 256) }
            _ = try await log.append(AppendRequest(stream: "S", kind: "test", events: [
                ProposedEvent(type: "Big", actor: testActor, payload: payload),
            ]))
            #expect(try log.event(at: 1)?.payload == payload)
        }
    }
}
