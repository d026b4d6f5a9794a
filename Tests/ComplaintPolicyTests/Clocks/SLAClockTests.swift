import Foundation
import Testing
@testable import ComplaintPolicy
import SeededRandom

@Suite("SLA clocks")
struct SLAClockTests {
    let calendar = BusinessCalendar.standard
    let policy = ServicePolicy.standard

    func clock(_ name: ClockName, at start: String, instance: Int = 1) -> SLAClock {
        SLAClock(name: name, instance: instance, policy: policy.clocks[name]!, startedAt: instant(start))
    }

    @Test func elapsedAcknowledgementDueAndWarning() {
        let ack = clock(.acknowledgement, at: "2026-03-02T09:00:00+08:00")
        #expect(ack.dueAt(calendar: calendar) == instant("2026-03-02T11:00:00+08:00"))
        #expect(ack.warningDueAt(calendar: calendar) == instant("2026-03-02T10:36:00+08:00"))
        #expect(ack.used(at: instant("2026-03-02T10:00:00+08:00"), calendar: calendar) == 3600)
        #expect(ack.usedMinutes(at: instant("2026-03-02T10:00:59+08:00"), calendar: calendar) == 60)
        #expect(ack.outcome == .open)
    }

    @Test func businessResolutionDueAtTheEndOfTheSecondDay() {
        let resolution = clock(.resolution, at: "2026-03-02T09:00:00+08:00")
        #expect(resolution.dueAt(calendar: calendar) == instant("2026-03-03T18:00:00+08:00"))
        // 80 % of 18 working hours is 14 h 24 min: 9 h on Monday, 5 h 24 min on Tuesday.
        #expect(resolution.warningDueAt(calendar: calendar) == instant("2026-03-03T14:24:00+08:00"))
        // Received on Friday evening: nothing used over the weekend.
        let late = clock(.resolution, at: "2026-03-06T19:00:00+08:00")
        #expect(late.used(at: instant("2026-03-09T09:00:00+08:00"), calendar: calendar) == 0)
        #expect(late.dueAt(calendar: calendar) == instant("2026-03-10T18:00:00+08:00"))
    }

    @Test func pauseBanksTimeAndResumeMovesTheDueTime() {
        var resolution = clock(.resolution, at: "2026-03-02T09:00:00+08:00")
        let changed1 = resolution.pause(at: instant("2026-03-02T12:00:00+08:00"), calendar: calendar)
        #expect(changed1)
        #expect(resolution.phase == .paused)
        #expect(resolution.usedSeconds == 3 * 3600)
        #expect(resolution.dueAt(calendar: calendar) == nil)
        #expect(resolution.warningDueAt(calendar: calendar) == nil)
        #expect(resolution.used(at: instant("2026-03-04T12:00:00+08:00"), calendar: calendar) == 3 * 3600)
        let changed2 = resolution.pause(at: instant("2026-03-02T13:00:00+08:00"), calendar: calendar)
        #expect(!changed2)
        let changed3 = resolution.resume(at: instant("2026-03-04T09:00:00+08:00"))
        #expect(changed3)
        // 15 working hours left from Wednesday 09:00: 9 on Wednesday, 6 on Thursday.
        #expect(resolution.dueAt(calendar: calendar) == instant("2026-03-05T15:00:00+08:00"))
        let changed4 = resolution.resume(at: instant("2026-03-04T10:00:00+08:00"))
        #expect(!changed4)
    }

    @Test func stoppedBeforeTheTargetIsOnTime() {
        var ack = clock(.acknowledgement, at: "2026-03-02T09:00:00+08:00")
        let changed5 = ack.stop(at: instant("2026-03-02T10:59:59+08:00"), calendar: calendar)
        #expect(changed5)
        #expect(ack.phase == .stopped)
        #expect(ack.usedSeconds == 7199)
        #expect(ack.stoppedAt == instant("2026-03-02T10:59:59+08:00"))
        #expect(ack.outcome == .onTime)
        #expect(ack.dueAt(calendar: calendar) == nil)
        let changed6 = ack.stop(at: instant("2026-03-02T11:30:00+08:00"), calendar: calendar)
        #expect(!changed6)
        let changed7 = ack.cancel(at: instant("2026-03-02T11:30:00+08:00"), calendar: calendar)
        #expect(!changed7)
    }

    @Test func stoppedExactlyAtTheDueTimeIsLate() {
        var ack = clock(.acknowledgement, at: "2026-03-02T09:00:00+08:00")
        let due = ack.dueAt(calendar: calendar)!
        ack.stop(at: due, calendar: calendar)
        #expect(ack.outcome == .late)
    }

    @Test func breachedStaysLateWhateverFollows() {
        var ack = clock(.acknowledgement, at: "2026-03-02T09:00:00+08:00")
        let changed8 = ack.markBreached(at: instant("2026-03-02T11:00:00+08:00"))
        #expect(changed8)
        let changed9 = ack.markBreached(at: instant("2026-03-02T11:05:00+08:00"))
        #expect(!changed9)
        #expect(ack.breachedAt == instant("2026-03-02T11:00:00+08:00"))
        #expect(ack.outcome == .late)
        var cancelled = ack
        cancelled.cancel(at: instant("2026-03-02T12:00:00+08:00"), calendar: calendar)
        #expect(cancelled.outcome == .late)
        ack.retarget(target: 10 * 3600, warnAt: 0.8)
        ack.stop(at: instant("2026-03-02T12:00:00+08:00"), calendar: calendar)
        #expect(ack.outcome == .late)
    }

    @Test func cancelledBeforeBreachingIsVoid() {
        var followUp = clock(.followUp, at: "2026-03-02T09:00:00+08:00")
        let changed10 = followUp.cancel(at: instant("2026-03-02T12:00:00+08:00"), calendar: calendar)
        #expect(changed10)
        #expect(followUp.phase == .cancelled)
        #expect(followUp.outcome == .void)
        #expect(followUp.usedSeconds == 3 * 3600)
    }

    @Test func retargetCountsFromTheStart() {
        let complex = ServicePolicy.category2025.clockPolicy(.resolution, problemClass: nil)!
        let basic = ServicePolicy.category2025.clockPolicy(.resolution, problemClass: .basic)!
        var resolution = SLAClock(name: .resolution, instance: 1, policy: complex, startedAt: instant("2026-03-02T09:00:00+08:00"))
        #expect(resolution.dueAt(calendar: calendar) == instant("2026-03-07T09:00:00+08:00"))
        let changed11 = resolution.retarget(target: basic.target, warnAt: basic.warnAt)
        #expect(changed11)
        let changed12 = resolution.retarget(target: basic.target, warnAt: basic.warnAt)
        #expect(!changed12)
        #expect(resolution.dueAt(calendar: calendar) == instant("2026-03-04T09:00:00+08:00"))
        // Retargeted after the new due time: it is already due.
        let now = instant("2026-03-05T09:00:00+08:00")
        #expect(resolution.dueAt(calendar: calendar)! < now)
        #expect(resolution.used(at: now, calendar: calendar) > resolution.target)
    }

    @Test func pausedClockRetargetedBelowItsUsedTimeIsOverdue() {
        var resolution = SLAClock(
            name: .resolution, instance: 1, target: 72 * 3600, calendarKind: .elapsed, warnAt: 0.8,
            startedAt: instant("2026-03-02T09:00:00+08:00"))
        resolution.pause(at: instant("2026-03-03T11:00:00+08:00"), calendar: calendar)
        let later = instant("2026-03-04T09:00:00+08:00")
        #expect(!resolution.isOverdue(at: later, calendar: calendar))
        #expect(!resolution.isWarningOverdue(at: later, calendar: calendar))
        resolution.retarget(target: 24 * 3600, warnAt: 0.8)
        #expect(resolution.isOverdue(at: later, calendar: calendar))
        #expect(resolution.isWarningOverdue(at: later, calendar: calendar))
        #expect(resolution.dueAt(calendar: calendar) == nil)
        resolution.stop(at: later, calendar: calendar)
        #expect(!resolution.isOverdue(at: later, calendar: calendar))
        #expect(resolution.outcome == .late)
    }

    @Test func pendingTimersInFiringOrder() {
        var ack = clock(.acknowledgement, at: "2026-03-02T09:00:00+08:00")
        let timers = ack.pendingTimers(calendar: calendar)
        #expect(timers.map(\.kind) == [.warning, .breach])
        #expect(timers.map { $0.commandId(stream: "C-1") } == [
            "timer:C-1:acknowledgement:1:warning", "timer:C-1:acknowledgement:1:breach",
        ])
        ack.markWarned(at: timers[0].dueAt)
        #expect(ack.pendingTimers(calendar: calendar).map(\.kind) == [.breach])
        ack.pause(at: instant("2026-03-02T10:40:00+08:00"), calendar: calendar)
        #expect(ack.pendingTimers(calendar: calendar).isEmpty)

        let at = instant("2026-03-02T11:00:00+08:00")
        let sameInstant = [
            ClockTimer(clock: .resolution, instance: 1, kind: .breach, dueAt: at),
            ClockTimer(clock: .resolution, instance: 1, kind: .warning, dueAt: at),
            ClockTimer(clock: .acknowledgement, instance: 1, kind: .breach, dueAt: at),
            ClockTimer(clock: .followUp, instance: 1, kind: .warning, dueAt: at.addingTimeInterval(-1)),
        ]
        #expect(sameInstant.sorted().map { "\($0.clock.rawValue)/\($0.kind.rawValue)" } == [
            "followUp/warning", "acknowledgement/breach", "resolution/warning", "resolution/breach",
        ])
    }

    @Test(arguments: [ClockCalendarKind.elapsed, .business])
    func usedTimeIsTheSumOfRunningStretches(kind: ClockCalendarKind) throws {
        let berlin = try BusinessCalendar(timeZone: "Europe/Berlin", workingHours: calendar.workingHours)
        var generator = SplitMix64(seed: kind == .elapsed ? 11 : 12)
        for _ in 0..<100 {
            var now = instant("2026-03-20T08:00:00+01:00").addingTimeInterval(Double(Int.random(in: 0..<(20 * 86_400), using: &generator)))
            let target = Int64.random(in: 3600...(60 * 3600), using: &generator)
            var clock = SLAClock(name: .resolution, instance: 1, target: target, calendarKind: kind, warnAt: 0.8, startedAt: now)
            var expected: Int64 = 0
            var stretchStart = now
            for step in 0..<6 {
                now = now.addingTimeInterval(Double(Int.random(in: 60...(2 * 86_400), using: &generator)))
                if step.isMultiple(of: 2) {
                    expected += kind == .elapsed
                        ? Int64(now.timeIntervalSince(stretchStart).rounded())
                        : berlin.workingSeconds(from: stretchStart, to: now)
                    clock.pause(at: now, calendar: berlin)
                } else {
                    clock.resume(at: now)
                    stretchStart = now
                    let due = try #require(clock.dueAt(calendar: berlin))
                    if expected < target {
                        #expect(clock.used(at: due, calendar: berlin) == target)
                        #expect(clock.used(at: clock.warningDueAt(calendar: berlin)!, calendar: berlin) == max(expected, clock.policy.warningThreshold))
                    }
                }
                #expect(clock.used(at: now, calendar: berlin) == expected)
            }
        }
    }
}
