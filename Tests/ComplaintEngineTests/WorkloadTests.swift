import ComplaintEngine
import ComplaintLMDB
import ComplaintPolicy
import ComplaintWorkflow
import EventLog
import Foundation
import Testing

/// Opens an engine for the standard workload on a fresh store (relaxed durability for speed).
func workloadEngine(_ store: Store, _ workload: StandardWorkload) async throws -> (ComplaintEngine, ManualClock) {
    let clock = ManualClock(workload.start)
    let engine = try await ComplaintEngine.open(
        directory: store.path,
        configuration: .init(policy: StandardWorkload.policy, clock: clock, durability: .relaxed))
    return (engine, clock)
}

@Suite struct WorkloadTests {
    @Test func theSameSeedGivesTheSameCommands() {
        let a = StandardWorkload(seed: 42), b = StandardWorkload(seed: 42), c = StandardWorkload(seed: 43)
        for i in 0..<300 {
            #expect(a.steps(forComplaint: i) == b.steps(forComplaint: i))
        }
        #expect(Array(a.schedule(complaints: 100)) == Array(b.schedule(complaints: 100)))
        // Another seed changes the text, never the shape.
        let other = (0..<100).map { c.steps(forComplaint: $0) }
        let same = (0..<100).map { a.steps(forComplaint: $0) }
        #expect(other != same)
        #expect(other.map { $0.map(\.envelope.command.name) } == same.map { $0.map(\.envelope.command.name) })
        #expect(other.map { $0.map(\.time) } == same.map { $0.map(\.time) })
    }

    @Test func eachComplaintFollowsWorkloadMD() throws {
        let workload = StandardWorkload(seed: 1)
        for i in 0..<400 {
            let steps = workload.steps(forComplaint: i)
            let names = steps.map(\.envelope.command.name)
            var expected: [CommandName] = [
                .receiveComplaint, .acknowledgeComplaint, .classifyComplaint, .assessSeverity, .assignComplaint,
            ]
            if i % 10 == 5 { expected.append(.escalateComplaint) }
            expected.append(.startInvestigation)
            let round: [CommandName] = i % 50 == 0
                ? [.proposeResolution, .approveResolution, .implementResolution, .communicateResult]
                : [.proposeResolution, .implementResolution, .communicateResult]
            expected += round
            if i % 20 == 7 { expected += [.recordCustomerResponse] + round }
            expected += [.recordCustomerResponse, .recordSatisfaction, .closeComplaint]
            #expect(names == expected, "complaint \(i)")
            for (k, step) in steps.enumerated() {
                #expect(step.time == workload.start.addingTimeInterval(3 * Double(i) + 60 * Double(k)))
                #expect(step.envelope.commandId == "C-\(i)/\(k)")
                #expect(step.envelope.streamId == "C-\(i)")
            }
            guard case .receiveComplaint(let receive) = steps[0].envelope.command else { continue }
            #expect(receive.customer.id == "cust-\(i % 5000)")
            #expect((60...200).contains(receive.description.count), "\(receive.description)")
            #expect(receive.channel == StandardWorkload.channels[i % 5])
            #expect((receive.amountInvolved != nil) == (i % 4 == 1))
            if let amount = receive.amountInvolved {
                #expect(amount.amount == 5000 + i % 45000 && amount.amount < ServicePolicy.standard.highAmount)
            }
            let satisfaction = try #require(steps.first { $0.envelope.command.name == .recordSatisfaction })
            #expect(satisfaction.envelope.actor == Actor(id: "cust-\(i % 5000)", role: .customer))
            guard case .recordSatisfaction(let score) = satisfaction.envelope.command else { continue }
            #expect(score.score == 1 + (i * 7) % 5)
        }
        // One customer's details are the same in each of their complaints.
        guard case .receiveComplaint(let first) = workload.steps(forComplaint: 3)[0].envelope.command,
              case .receiveComplaint(let again) = workload.steps(forComplaint: 5003)[0].envelope.command else {
            Issue.record("no receipt")
            return
        }
        #expect(first.customer == again.customer)
    }

    @Test func theScheduleHoldsEveryCommandOnceInTimeOrder() {
        let workload = StandardWorkload(seed: 3)
        let instants = Array(workload.schedule(complaints: 250))
        let flat = instants.flatMap { $0 }
        let expected = (0..<250).flatMap { workload.steps(forComplaint: $0) }
        #expect(flat.count == expected.count)
        #expect(Set(flat.map(\.envelope.commandId)) == Set(expected.map(\.envelope.commandId)))
        for instant in instants {
            #expect(Set(instant.map(\.time)).count == 1)
            #expect(Set(instant.map(\.complaint)).count == instant.count)
        }
        #expect(zip(instants, instants.dropFirst()).allSatisfy { $0[0].time < $1[0].time })
    }

    @Test func twoHundredComplaintsAreAcceptedAndAllCloseResolved() async throws {
        let store = Store()
        defer { store.remove() }
        let workload = StandardWorkload(seed: 11)
        let (engine, clock) = try await workloadEngine(store, workload)
        defer { engine.close() }
        let report = try await workload.run(on: engine, clock: clock, complaints: 200)
        let expectedCommands = (0..<200).reduce(0) { $0 + workload.steps(forComplaint: $1).count }
        #expect(report.commands == expectedCommands)
        #expect((11.5...13.5).contains(report.eventsPerComplaint), "\(report.eventsPerComplaint) events per complaint")
        for i in 0..<200 {
            let state = try #require(try engine.complaint(StandardWorkload.streamId(i)))
            #expect(state.status == .closed && state.closedReason == .resolved, "complaint \(i): \(state.status)")
        }
        // No timer fired: every clock stopped on time.
        let types = try engine.log.read(from: 1, limit: 100_000).map(\.type)
        #expect(!types.contains("SlaBreached") && !types.contains("SlaWarningRaised"))
        print("standard workload: \(report.eventsPerComplaint) events per complaint; \(report)")
    }

    @Test func concurrentSubmittersReachTheSameStatesAsOneAtATime() async throws {
        let workload = StandardWorkload(seed: 5)
        let complaints = 100
        var states: [[ComplaintState?]] = []
        for mode in [StandardWorkload.SubmissionMode.perCommand, .concurrent(8)] {
            let store = Store()
            defer { store.remove() }
            let (engine, clock) = try await workloadEngine(store, workload)
            defer { engine.close() }
            let report = try await workload.run(on: engine, clock: clock, complaints: complaints, mode: mode)
            if mode != .perCommand { #expect(report.commits < report.commands) }
            states.append(try (0..<complaints).map { try engine.complaint(StandardWorkload.streamId($0)) })
        }
        #expect(states[0] == states[1])
        #expect(states[1].allSatisfy { $0?.status == .closed })
    }

    @Test func aClockAheadOfTheWorkloadIsReported() async throws {
        let store = Store()
        defer { store.remove() }
        let workload = StandardWorkload(seed: 1)
        let (engine, clock) = try await workloadEngine(store, workload)
        defer { engine.close() }
        clock.advance(by: 3600)
        do {
            try await workload.run(on: engine, clock: clock, complaints: 2)
            Issue.record("a run with the clock ahead was accepted")
        } catch {
            #expect(error.code == "clockAhead" && error.complaint == 0 && error.step == 0)
        }
    }
}
