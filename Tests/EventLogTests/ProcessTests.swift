import ComplaintLMDB
import EventLog
import Foundation
import Testing
import TestChildProcess
import SeededRandom

/// Behaviour across processes, with the `eventlog-test-child` executable as the other process.
@Suite struct ProcessTests {

    @Test(arguments: [11, 23, 37, 41, 59] as [UInt64])
    func aKilledWriterLosesNoAcknowledgedEventAndLeavesNoPartialRecord(seed: UInt64) async throws {
        var random = SplitMix64(seed: seed)
        let directory = TemporaryDirectory("crash\(seed)")
        defer { directory.remove() }
        // Two kills per seed: the second writer continues the log the first one left.
        var acknowledged: UInt64 = 0
        for round in 0..<2 {
            let killAfter = 20 + Int(random.next() % 300)
            let child = try eventLogChild(["append", directory.path])
            var acks = 0
            for await line in child.lines() {
                guard line.hasPrefix("ack ") else {
                    Issue.record("seed \(seed) round \(round): child said \(line)")
                    break
                }
                acknowledged = max(acknowledged, UInt64(line.dropFirst(4))!)
                acks += 1
                if acks == killAfter { break }
            }
            let ending = child.killNow()
            #expect(child.wasKilled, "seed \(seed): the child ended by \(ending)")

            let log = try EventLog.open(directory: directory.path)
            let head = try log.headPosition()
            #expect(head >= acknowledged, "seed \(seed) round \(round): head \(head) < acknowledged \(acknowledged)")
            let report = try log.verify()
            #expect(report.isIntact, "seed \(seed) round \(round): \(report)")
            for position in stride(from: 1, through: acknowledged, by: 1) {
                let event = try log.event(at: position)
                #expect(event?.type == "ChildAppended", "seed \(seed): position \(position) missing")
                if event == nil { break }
            }
            log.close()
        }
    }

    @Test func aSecondWriterProcessGetsStoreBusy() async throws {
        try await withLog { log, directory in
            _ = try await log.append(request("S"))
            let child = try eventLogChild(["open-writer", directory.path])
            #expect(child.finish() == ["refused storeBusy"])
        }
    }

    @Test func aWriterProcessCanOpenOnceTheHolderCloses() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let log = try EventLog.open(directory: directory.path)
        log.close()
        let child = try eventLogChild(["open-writer", directory.path])
        #expect(child.finish() == ["opened"])
    }

    @Test func aSecondWriterInTheSameProcessGetsStoreBusy() async throws {
        try await withLog { _, directory in
            do {
                let second = try EventLog.open(directory: directory.path)
                second.close()
                Issue.record("a second writer opened")
            } catch {
                #expect((error as? EventLogError)?.code == .storeBusy)
            }
        }
    }

    @Test func aReadOnlyProcessReadsWhileTheWriterAppendsAndGrowsTheMap() async throws {
        try await withLog(.init(mapSize: 64 << 10)) { log, directory in
            _ = try await log.append(request("S", 10))
            let target: UInt64 = 3000
            let child = try eventLogChild(["read", directory.path, "\(target)"])
            let payload = [UInt8](repeating: 42, count: 1500)
            var passes = 0
            var lines = child.lines().makeAsyncIterator()
            // Append in steps, letting the reader make a pass between steps, so it reads while the
            // map grows underneath it.
            var head: UInt64 = 10
            while head < target {
                let result = try await log.append(AppendRequest(stream: "big-\(head % 5)", kind: "test", events: (0..<50).map { _ in
                    ProposedEvent(type: "Grown", actor: testActor, payload: payload)
                }))
                head = result.positions!.upperBound
                if head % 500 == 10, let line = await lines.next() {
                    #expect(line.hasPrefix("head "), "\(line)")
                    passes += 1
                }
            }
            var last = ""
            while let line = await lines.next() { last = line }
            #expect(child.waitForExit() == .exited(0), "\(last)")
            let finalHead = last.split(separator: " ").dropFirst().first.flatMap { UInt64($0) }
            #expect(last.hasPrefix("done ") && (finalHead ?? 0) >= target, "\(last)")
            #expect(log.environment.mapGrowthCount >= 3)
            #expect(passes > 0)
        }
    }

    @Test func readerSlotsOfAKilledProcessAreCleared() async throws {
        try await withLog { log, directory in
            _ = try await log.append(request("S"))
            let child = try eventLogChild(["hold-read", directory.path])
            var lines = child.lines().makeAsyncIterator()
            #expect(await lines.next() == "holding")
            #expect(log.environment.clearStaleReaders() == 0)
            child.killNow()
            #expect(log.environment.clearStaleReaders() == 1)
        }
    }

    @Test func aReadOnlyLogRefusesAppendsAndEndsSubscriptionsAtTheHead() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let writer = try EventLog.open(directory: directory.path)
        _ = try await writer.append(request("S", 4))
        writer.close()
        let reader = try EventLog.open(directory: directory.path, configuration: .readOnly)
        defer { reader.close() }
        await expectRefusal(.readOnly) { try await reader.append(request("S")) }
        var count = 0
        for try await _ in reader.subscribe(from: 2) { count += 1 }
        #expect(count == 3)
        #expect(try reader.verify().isIntact)
    }
}
