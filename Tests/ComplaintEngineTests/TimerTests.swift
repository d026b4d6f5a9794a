@testable import ComplaintEngine
import ComplaintPolicy
import ComplaintWorkflow
import EventLog
import Foundation
import Testing

@Suite struct TimerTests {
    /// The timer events of the log (and what they triggered), as `stream type occurredAt`.
    static func timerEvents(_ engine: ComplaintEngine) throws -> [String] {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        return try engine.log.read(from: 1, limit: 10_000)
            .filter { $0.commandID?.hasPrefix("timer:") == true }
            .map { "\($0.stream) \($0.type) \(formatter.string(from: $0.occurredAt))" }
    }

    /// Monday 09:00 plus `minutes`.
    static func at(_ minutes: Int) -> Date { monday9.addingTimeInterval(TimeInterval(minutes * 60)) }

    @Test func advanceFiresEveryStreamsTimersInDueOrderWithTiesByStreamId() async throws {
        let store = Store()
        defer { store.remove() }
        let clock = ManualClock(monday9)
        let engine = try await ComplaintEngine.open(directory: store.path, configuration: .init(clock: clock))
        defer { engine.close() }
        try await QueueFixture.receive(engine, "C-5")
        clock.set(Self.at(30))
        try await QueueFixture.receive(engine, "C-2")
        try await QueueFixture.receive(engine, "C-10")
        #expect(try engine.nextTimerDue() == Self.at(96))

        // Up to and including the instant: C-5's warning is due exactly at 10:36.
        try await engine.advance(to: Self.at(96))
        #expect(try Self.timerEvents(engine) == ["C-5 SlaWarningRaised 2026-03-02T10:36:00+08:00"])
        try await engine.advance(to: Self.at(180))
        #expect(try Self.timerEvents(engine) == [
            "C-5 SlaWarningRaised 2026-03-02T10:36:00+08:00",
            "C-5 SlaBreached 2026-03-02T11:00:00+08:00",
            "C-5 ComplaintEscalated 2026-03-02T11:00:00+08:00",
            "C-10 SlaWarningRaised 2026-03-02T11:06:00+08:00",
            "C-2 SlaWarningRaised 2026-03-02T11:06:00+08:00",
            "C-10 SlaBreached 2026-03-02T11:30:00+08:00",
            "C-10 ComplaintEscalated 2026-03-02T11:30:00+08:00",
            "C-2 SlaBreached 2026-03-02T11:30:00+08:00",
            "C-2 ComplaintEscalated 2026-03-02T11:30:00+08:00",
        ])
        let breach = try #require(try engine.log.readStream("C-2").first { $0.type == "SlaBreached" })
        #expect(breach.commandID == "timer:C-2:acknowledgement:1:breach")
        #expect(breach.recordedAt == Self.at(180))
        #expect(clock.now() == Self.at(180))

        // Exactly once: advancing again, firing again or a command on the stream records no timer twice.
        let head = try engine.log.headPosition()
        try await engine.advance(to: Self.at(180))
        try await engine.fireDueTimers()
        #expect(try engine.log.headPosition() == head)
        try await QueueFixture.acknowledge(engine, "C-5")
        #expect(try engine.log.headPosition() == head + 1)
        #expect(try Self.timerEvents(engine).count == 9)
        // What is left: the resolution clocks (18 working hours: due Wednesday).
        let next = try #require(try engine.nextTimerDue())
        #expect(next > Self.at(180))
    }

    @Test func advanceInterleavesTheTimersOfOneStreamWithAnothersInBetween() async throws {
        let store = Store()
        defer { store.remove() }
        let clock = ManualClock(monday9)
        let engine = try await ComplaintEngine.open(directory: store.path, configuration: .init(clock: clock))
        defer { engine.close() }
        try await QueueFixture.receive(engine, "B")
        clock.set(Self.at(15))
        try await QueueFixture.receive(engine, "A")
        // B: warning 10:36, breach 11:00. A: warning 10:51, breach 11:15. One advance over all four.
        try await engine.advance(to: Self.at(240))
        #expect(try Self.timerEvents(engine).filter { !$0.contains("Escalated") } == [
            "B SlaWarningRaised 2026-03-02T10:36:00+08:00",
            "A SlaWarningRaised 2026-03-02T10:51:00+08:00",
            "B SlaBreached 2026-03-02T11:00:00+08:00",
            "A SlaBreached 2026-03-02T11:15:00+08:00",
        ])
    }

    @Test func concurrentFiringRecordsEachTimerOnce() async throws {
        let store = Store()
        defer { store.remove() }
        let clock = ManualClock(monday9)
        let engine = try await ComplaintEngine.open(directory: store.path, configuration: .init(clock: clock))
        defer { engine.close() }
        for index in 0..<12 {
            try await QueueFixture.receive(engine, "C-\(index)")
            clock.advance(by: 60)
        }
        clock.set(Self.at(240))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await engine.advance(to: Self.at(240)) }
            group.addTask { try await engine.fireDueTimers() }
            group.addTask { try await engine.advance(to: Self.at(240)) }
            group.addTask { try await QueueFixture.acknowledge(engine, "C-5") }
            try await group.waitForAll()
        }
        let ids = try engine.log.read(from: 1, limit: 10_000).compactMap(\.commandID).filter { $0.hasPrefix("timer:") }
        #expect(ids.count == 12 * 3)  // warning, breach, escalation each
        #expect(Set(ids).count == 12 * 2)  // one command id per timer (the escalation shares its breach's)
        #expect(try engine.queueIds("breached").count == 11)
    }

    @Test func afterARestartFireDueTimersCatchesUpWithTheDueTimes() async throws {
        let store = Store()
        defer { store.remove() }
        let clock = ManualClock(monday9)
        var engine = try await ComplaintEngine.open(directory: store.path, configuration: .init(clock: clock))
        try await QueueFixture.receive(engine, "C-1")
        try await QueueFixture.receive(engine, "C-2")
        try await QueueFixture.acknowledge(engine, "C-2")
        engine.close()

        clock.set(Self.at(300))
        engine = try await ComplaintEngine.open(directory: store.path, configuration: .init(clock: clock))
        defer { engine.close() }
        #expect(try Self.timerEvents(engine).isEmpty)  // opening fires nothing by itself
        #expect(try engine.nextTimerDue() == Self.at(96))
        try await engine.fireDueTimers()
        #expect(try Self.timerEvents(engine) == [
            "C-1 SlaWarningRaised 2026-03-02T10:36:00+08:00",
            "C-1 SlaBreached 2026-03-02T11:00:00+08:00",
            "C-1 ComplaintEscalated 2026-03-02T11:00:00+08:00",
        ])
        let fired = try engine.log.readStream("C-1").filter { $0.commandID?.hasPrefix("timer:") == true }
        #expect(fired.allSatisfy { $0.recordedAt == Self.at(300) })
        #expect(try engine.complaint("C-1")?.escalationLevel == 2)
        #expect(try engine.queueIds("breached") == ["C-1"])
        // C-2 was acknowledged in time: only resolution clocks remain, due Wednesday 09:00.
        #expect(try engine.nextTimerDue().map { $0 > Self.at(300) } == true)
    }

    @Test func aPolicyWithAnotherCalendarMovesTheIndexedDueTimes() async throws {
        let store = Store()
        defer { store.remove() }
        let clock = ManualClock(monday9)
        var engine = try await ComplaintEngine.open(directory: store.path, configuration: .init(clock: clock))
        try await QueueFixture.receive(engine, "C-1")
        try await QueueFixture.receive(engine, "C-2")
        try await QueueFixture.acknowledge(engine, "C-1")
        try await QueueFixture.acknowledge(engine, "C-2")
        let state = try #require(try engine.complaint("C-1"))
        let shanghai = try #require(dueTimers(state, policy: .standard).first?.dueAt)
        #expect(try engine.nextTimerDue() == shanghai)
        engine.close()

        let london = try ServicePolicy.standard.applying(overrides: ["calendar.timeZone": .string("Europe/London")])
        engine = try await ComplaintEngine.open(directory: store.path, configuration: .init(policy: london, clock: clock))
        defer { engine.close() }
        let moved = try #require(dueTimers(state, policy: london).first?.dueAt)
        #expect(moved != shanghai)
        #expect(try engine.nextTimerDue() == moved)
        let timerKeys = try QueueFixture.indexEntries(engine).filter { $0.starts(with: [0xFF, UInt8(ascii: "t")]) }
        #expect(timerKeys.count == 2)  // one per complaint: nothing left behind under the old calendar
        let index = try QueueFixture.indexEntries(engine)
        try engine.log.rebuildProjections()
        #expect(try QueueFixture.indexEntries(engine) == index)
    }

    @Test func advanceNeedsAManualClockToMoveTime() async throws {
        let store = Store()
        defer { store.remove() }
        var configuration = EngineConfiguration()
        configuration.firesTimersAutomatically = false
        let engine = try await ComplaintEngine.open(directory: store.path, configuration: configuration)
        defer { engine.close() }
        do {
            try await engine.advance(to: Date().addingTimeInterval(3600))
            Issue.record("the system clock was moved")
        } catch {
            #expect(error.code == "validationFailed")
        }
        try await engine.advance(to: Date(timeIntervalSince1970: 0))  // the past: nothing to move, nothing due
    }

    @Test func automaticFiringDefaultsToOffForAManualClockOnly() {
        #expect(EngineConfiguration(clock: ManualClock(monday9)).firesTimersAutomatically == false)
        #expect(EngineConfiguration().firesTimersAutomatically == true)
        var configuration = EngineConfiguration(clock: ManualClock(monday9))
        configuration.firesTimersAutomatically = true
        #expect(configuration.firesTimersAutomatically)
    }

    @Test func theSchedulersRoundFiresWhatIsDueAndSleepsUntilTheNextTimer() async throws {
        let store = Store()
        defer { store.remove() }
        let clock = ManualClock(monday9)
        let engine = try await ComplaintEngine.open(directory: store.path, configuration: .init(clock: clock))
        defer { engine.close() }
        #expect(await TimerScheduler.step(engine) == TimerScheduler.longestNap)  // nothing pending
        try await QueueFixture.receive(engine, "C-1")
        clock.set(Self.at(96) - 30)
        #expect(await TimerScheduler.step(engine) == 30)  // the warning is 30 s away
        #expect(try Self.timerEvents(engine).isEmpty)
        clock.set(Self.at(96))
        #expect(await TimerScheduler.step(engine) == TimerScheduler.longestNap)  // breach 24 min away: capped
        #expect(try Self.timerEvents(engine) == ["C-1 SlaWarningRaised 2026-03-02T10:36:00+08:00"])
        #expect(await TimerScheduler.step(nil) == nil)
    }

    @Test func theSchedulersNapIsBoundedAndNeverSpins() {
        let now = monday9
        #expect(TimerScheduler.nap(until: nil, now: now) == TimerScheduler.longestNap)
        #expect(TimerScheduler.nap(until: now + 5, now: now) == 5)
        #expect(TimerScheduler.nap(until: now + 3600, now: now) == TimerScheduler.longestNap)
        #expect(TimerScheduler.nap(until: now, now: now) == TimerScheduler.retryNap)
        #expect(TimerScheduler.nap(until: now - 10, now: now) == TimerScheduler.retryNap)
    }

    /// Waits (no sleeping, no polling) until the log holds an event of `type` on `stream`.
    static func awaitEvent(_ type: String, on stream: String, in engine: ComplaintEngine) async throws -> RecordedEvent? {
        for try await event in engine.log.subscribe(from: 1) where event.type == type && event.stream == stream {
            return event
        }
        return nil
    }

    @Test(.timeLimit(.minutes(1)))
    func theBackgroundSchedulerCatchesUpAtOpenAndAfterACommit() async throws {
        let store = Store()
        defer { store.remove() }
        let clock = ManualClock(monday9)
        var engine = try await ComplaintEngine.open(directory: store.path, configuration: .init(clock: clock))
        try await QueueFixture.receive(engine, "C-1")
        engine.close()

        clock.set(Self.at(180))
        var configuration = EngineConfiguration(clock: clock)
        configuration.firesTimersAutomatically = true
        engine = try await ComplaintEngine.open(directory: store.path, configuration: configuration)
        defer { engine.close() }
        // Its first round fires what fell due while the engine was closed.
        let breach = try #require(try await Self.awaitEvent("SlaBreached", on: "C-1", in: engine))
        #expect(breach.occurredAt == Self.at(120))
        #expect(breach.recordedAt == Self.at(180))

        // A commit wakes it: C-2's acknowledgement timers fall due while it sleeps on a later one.
        try await QueueFixture.receive(engine, "C-2")
        clock.set(Self.at(180 + 150))
        try await QueueFixture.receive(engine, "C-3")
        let second = try #require(try await Self.awaitEvent("SlaBreached", on: "C-2", in: engine))
        #expect(second.occurredAt == Self.at(180 + 120))
    }

    @Test func anEngineWithTheSchedulerOnOpensFiresAndCloses() async throws {
        let store = Store()
        defer { store.remove() }
        let clock = ManualClock(monday9)
        var configuration = EngineConfiguration(clock: clock)
        configuration.firesTimersAutomatically = true
        let engine = try await ComplaintEngine.open(directory: store.path, configuration: configuration)
        try await QueueFixture.receive(engine, "C-1")
        // Whatever the background task did meanwhile, the manual path fires each timer once.
        try await engine.advance(to: Self.at(180))
        #expect(try Self.timerEvents(engine).count == 3)
        engine.close()
    }
}
