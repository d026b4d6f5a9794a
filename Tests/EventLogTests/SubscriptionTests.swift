import EventLog
import Foundation
import Testing

@Suite struct SubscriptionTests {
    @Test func aSubscriptionStartedMidStreamSeesEveryLaterEventOnceInOrderWhileAppendsRun() async throws {
        try await withLog { log, _ in
            for index in 0..<50 { _ = try await log.append(request("pre-\(index % 3)", 2)) }
            let start: UInt64 = 60
            let total: UInt64 = 100 + 8 * 40 * 2
            let reader = Task {
                var positions: [UInt64] = []
                for try await event in log.subscribe(from: start) {
                    positions.append(event.position)
                    if event.position == total { break }
                }
                return positions
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<8 {
                    group.addTask {
                        for index in 0..<40 { _ = try await log.append(request("w\(writer)-\(index % 4)", 2)) }
                    }
                }
                try await group.waitForAll()
            }
            let seen = try await reader.value
            #expect(seen == Array(start...total))
        }
    }

    @Test func aSubscriptionWaitsForTheNextCommitWithoutPolling() async throws {
        try await withLog { log, _ in
            _ = try await log.append(request("S", 1))
            var iterator = log.subscribe(from: 1).makeAsyncIterator()
            #expect(try await iterator.next()?.position == 1)
            let next = Task { [iterator] in
                var iterator = iterator
                return try await iterator.next()?.position
            }
            _ = try await log.append(request("S", 1))
            #expect(try await next.value == 2)
        }
    }

    @Test func cancellingAWaitingSubscriptionEndsIt() async throws {
        try await withLog { log, _ in
            let waiting = Task {
                var count = 0
                for try await _ in log.subscribe(from: 1) { count += 1 }
                return count
            }
            waiting.cancel()
            let count = try await waiting.value
            #expect(count == 0)
        }
    }

    @Test func closingTheLogEndsWaitingSubscriptions() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let log = try EventLog.open(directory: directory.path)
        _ = try await log.append(request("S", 3))
        let reader = Task {
            var count = 0
            for try await _ in log.subscribe(from: 1) { count += 1 }
            return count
        }
        while try log.headPosition() < 3 { await Task.yield() }
        // Wait until the reader has consumed the three and is parked on the broadcast.
        log.close()
        let count = try await reader.value
        #expect(count <= 3)
    }
}
