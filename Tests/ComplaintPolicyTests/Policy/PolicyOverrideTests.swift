import Foundation
import Testing
@testable import ComplaintPolicy

@Suite("Policy overrides and loading")
struct PolicyOverrideTests {
    @Test func presetWithDottedAndNestedOverrides() throws {
        let policy = try ServicePolicy.load(yaml: """
            preset: standard
            overrides:
              version: acme-7
              clocks.acknowledgement.target: 90m
              clocks:
                resolution: {target: 24h, warnAt: 0.5}
              escalation.hardToJudge.enabled: false
              approval: {compensationLimit: 50000}
              repeat.count: 3
              kpiTargets.transferRate: 0.1
              categories: [warranty]
              suggestions: {kpiBelowTarget: {periods: 3}}
            """)
        #expect(policy.version == "acme-7")
        #expect(policy.clocks[.acknowledgement]?.target == 5400)
        #expect(policy.clocks[.resolution] == ClockPolicy(target: 24 * 3600, calendar: .business, warnAt: 0.5))
        #expect(!policy.isEnabled(.hardToJudge))
        #expect(policy.approvalCompensationLimit == 50_000)
        #expect(policy.repeatRule.count == 3)
        #expect(policy.kpiTargets[.transferRate] == 0.1)
        #expect(policy.categories == Category.defaults + [try Category.parse("warranty")])
        #expect(policy.suggestions[.kpiBelowTarget]?.periods == 3)
        #expect(policy.suggestions[.kpiBelowTarget]?.count == 5)
    }

    @Test func calendarOverrides() throws {
        let policy = try ServicePolicy.standard.applying(overrides: PolicyValue(yaml: """
            calendar:
              timeZone: Europe/Berlin
              workingHours:
                monday: [{start: 08:00, end: 12:00}, "13:00-17:00"]
                saturday: ["10:00-14:00"]
              holidays: [2026-12-25, "2026-12-26"]
              extraWorkingDays: {2026-12-27: ["09:00-12:00"]}
            """))
        let calendar = policy.calendar
        #expect(calendar.timeZoneIdentifier == "Europe/Berlin")
        #expect(calendar.workingHours[.monday] == [try WorkingInterval("08:00", "12:00"), try WorkingInterval("13:00", "17:00")])
        #expect(calendar.workingHours[.tuesday] == nil)
        #expect(calendar.holidays == [try CalendarDate.parse("2026-12-25"), try CalendarDate.parse("2026-12-26")])
        #expect(calendar.extraWorkingDays[try CalendarDate.parse("2026-12-27")] == [try WorkingInterval("09:00", "12:00")])
    }

    @Test func globalWarnAtSetsEveryClockAndAClocksOwnWins() throws {
        let policy = try ServicePolicy.category2025.applying(overrides: ["clocks.followUp.warnAt": 0.9, "warnAt": 0.7])
        #expect(policy.warnAt == 0.7)
        #expect(policy.clocks[.acknowledgement]?.warnAt == 0.7)
        #expect(policy.clocks[.followUp]?.warnAt == 0.9)
        #expect(policy.clockPolicy(.resolution, problemClass: .basic)?.warnAt == 0.7)
    }

    @Test func elapsedTargetsMayUseDaysBusinessTargetsMayNot() throws {
        let elapsed = try ServicePolicy.standard.applying(overrides: ["clocks.acknowledgement.target": "1d"])
        #expect(elapsed.clocks[.acknowledgement]?.target == 86_400)
        let switched = try ServicePolicy.standard.applying(overrides: ["clocks.resolution": ["target": "2d", "calendar": "elapsed"]])
        #expect(switched.clocks[.resolution] == ClockPolicy(target: 172_800, calendar: .elapsed, warnAt: 0.8))
        #expect(throws: PolicyValidationError.self) {
            try ServicePolicy.standard.applying(overrides: ["clocks.acknowledgement": ["target": "P1D", "calendar": "business"]])
        }
    }

    static let refusals: [(String, String)] = [
        ("bogus: 1", "bogus"),
        ("clocks.resolution.tagret: 3h", "clocks.resolution.tagret"),
        ("clocks.lunch.target: 3h", "clocks.lunch"),
        ("clocks.resolution.target: 2d", "clocks.resolution.target"),
        ("clocks.resolution.target: 0h", "clocks.resolution.target"),
        ("clocks.resolution.target: soon", "clocks.resolution.target"),
        ("clocks.resolution.calendar: lunar", "clocks.resolution.calendar"),
        ("clocks.followUp.warnAt: 0", "clocks.followUp.warnAt"),
        ("warnAt: 1.2", "warnAt"),
        ("highAmount: -5", "highAmount"),
        ("approval.compensationLimit: -1", "approval.compensationLimit"),
        ("reopenWindowDays: '30'", "reopenWindowDays"),
        ("unreachableAttempts: 0", "unreachableAttempts"),
        ("satisfactionThreshold: 6", "satisfactionThreshold"),
        ("repeat.enabled: yes please", "repeat.enabled"),
        ("repeat.weeks: 2", "repeat.weeks"),
        ("calendar.timeZone: Mars/Base", "calendar.timeZone"),
        ("calendar.workingHours: {funday: ['09:00-18:00']}", "calendar.workingHours.funday"),
        ("calendar.workingHours: {monday: ['18:00-09:00']}", "calendar.workingHours.monday[0]"),
        ("calendar.workingHours: {monday: ['09:00-12:00', '11:00-13:00']}", "calendar.workingHours.monday"),
        ("calendar.holidays: [2026-02-30]", "calendar.holidays[0]"),
        ("calendar.extraWorkingDays: {2026-10-10: []}", "calendar.extraWorkingDays.2026-10-10"),
        ("escalation.highImpact.toLevel: 7", "escalation.highImpact.toLevel"),
        ("escalation.noSuchRule.enabled: false", "escalation.noSuchRule"),
        ("suggestions.recurringRootCause.count: 0", "suggestions.recurringRootCause.count"),
        ("kpiTargets.satisfactionRate: 1.5", "kpiTargets.satisfactionRate"),
        ("kpiTargets.happiness: 0.5", "kpiTargets.happiness"),
        ("categories: [Bad Name]", "categories[0]"),
        ("version: 3", "version"),
        ("clocksByProblemClass.basic.resolution.calendar: elapsed", "clocksByProblemClass.basic.resolution.calendar"),
    ]

    @Test(arguments: Self.refusals)
    func refusalsNameTheFieldPath(yaml: String, field: String) throws {
        let overrides = try PolicyValue(yaml: yaml)
        do {
            _ = try ServicePolicy.standard.applying(overrides: overrides)
            Issue.record("accepted \(yaml)")
        } catch {
            #expect(error.field == field, "\(error)")
            #expect(!error.reason.isEmpty)
        }
        do {
            _ = try ServicePolicy.load(yaml: "preset: standard\noverrides: {\(yaml)}")
            Issue.record("document accepted \(yaml)")
        } catch {
            #expect(error.field == "overrides.\(field)", "\(error)")
        }
    }

    @Test func perClassCalendarsFollowTheClock() throws {
        #expect(throws: PolicyValidationError.self) {
            try ServicePolicy.category2025.applying(overrides: ["clocks.resolution.calendar": "business"])
        }
        var overrides: [String: PolicyValue] = ["clocks.resolution": ["calendar": "business", "target": "40h"]]
        for problemClass in ProblemClass.allCases {
            overrides["clocksByProblemClass.\(problemClass.rawValue).resolution"] = ["calendar": "business", "target": "16h"]
        }
        let policy = try ServicePolicy.category2025.applying(overrides: .map(overrides))
        #expect(policy.clockPolicy(.resolution, problemClass: .special) == ClockPolicy(target: 16 * 3600, calendar: .business))
    }

    @Test func documentShapes() throws {
        #expect(try ServicePolicy.load(yaml: "standard") == .standard)
        #expect(try ServicePolicy.load(yaml: "preset: category2025") == .category2025)
        #expect(try ServicePolicy.load(yaml: "overrides: {highAmount: 5}").highAmount == 5)
        #expect(throws: PolicyValidationError(field: "preset", reason: "unknown preset 'x'; expected one of standard, category2025")) {
            try ServicePolicy.load(yaml: "preset: x")
        }
        #expect(throws: PolicyValidationError.self) { try ServicePolicy.load(yaml: "preset: standard\nextra: 1") }
        #expect(throws: PolicyValidationError.self) { try ServicePolicy.load(yaml: "- a") }
        #expect(throws: PolicyValidationError(field: "calendar", reason: "missing from a full policy document")) {
            var document = ServicePolicy.standard.document
            if case .map(var entries) = document {
                entries["calendar"] = nil
                document = .map(entries)
            }
            return try ServicePolicy.load(document: document)
        }
        #expect(throws: PolicyValidationError.self) { try ServicePolicy.load(json: Data("{".utf8)) }
    }
}

@Suite("Specs example")
struct SpecsExampleTests {
    /// The example of `Specs/policy.md` §4, kept here verbatim so the spec cannot drift.
    @Test func policySpecExampleLoads() throws {
        let policy = try ServicePolicy.load(yaml: """
            preset: standard            # optional, default standard
            overrides:
              version: acme-2026.1
              clocks.resolution.target: 27h          # 3 business days of 9 h
              escalation:
                secondRejection: {enabled: false}
              calendar:
                holidays: [2026-10-01, 2026-10-02, 2026-10-05]
                extraWorkingDays: {2026-09-27: ["09:00-18:00"]}
              kpiTargets.transferRate: 0.05
              categories: [warranty]
            """)
        #expect(policy.version == "acme-2026.1")
        #expect(policy.clocks[.resolution]?.target == Int64(27 * 3600))
        #expect(!policy.isEnabled(.secondRejection))
        #expect(policy.calendar.holidays.count == 3)
        #expect(policy.calendar.isWorking(at: instant("2026-09-27T10:00:00+08:00")))
        #expect(policy.kpiTargets[.transferRate] == 0.05)
        #expect(policy.allows(try Category.parse("warranty")))
    }
}

extension SpecsExampleTests {
    /// The overview example of the DocC catalog.
    @Test func docCatalogExampleGivesWednesdayEvening() throws {
        let policy = try ServicePolicy.load(yaml: """
            preset: standard
            overrides:
              clocks.resolution.target: 27h
              calendar.holidays: [2026-10-01]
            """)
        let received = Date(timeIntervalSince1970: 1_772_413_200)
        #expect(received == instant("2026-03-02T09:00:00+08:00"))
        var resolution = SLAClock(
            name: .resolution, instance: 1,
            policy: try #require(policy.clockPolicy(.resolution, problemClass: nil)), startedAt: received)
        #expect(resolution.dueAt(calendar: policy.calendar) == instant("2026-03-04T18:00:00+08:00"))
        let paused = resolution.pause(at: received.addingTimeInterval(3600), calendar: policy.calendar)
        #expect(paused && resolution.usedSeconds == 3600)
    }
}
