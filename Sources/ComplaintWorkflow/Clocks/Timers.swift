public import ComplaintPolicy
public import Foundation

/// The timers a complaint is waiting for, in due order (`ClockTimer`'s order: due time, clock,
/// warning before breach): for each running clock instance its warning (unless warned or
/// breached) and its breach (unless breached). Paused, stopped and cancelled instances and closed
/// complaints have none.
public func dueTimers(_ state: ComplaintState, policy: ServicePolicy, faults: WorkflowFaults = []) -> [ClockTimer] {
    guard state.isOpen else { return [] }
    return ClockName.allCases
        .compactMap { state.clocks[$0] }
        .flatMap { $0.pendingTimers(calendar: policy.calendar) }
        .filter { !(faults.contains(.warnAtIgnored) && $0.kind == .warning) }
        .sorted()
}

/// Fires every timer of the complaint due at or before `until`, in due order, each stamped with
/// its own due time and its deterministic command id (`timer:<stream>:<clock>:<instance>:<kind>`):
/// `SlaWarningRaised` (rule `slaWarning`), `SlaBreached` (rule `slaBreach`) and the escalations a
/// breach triggers (`acknowledgementBreach`, `resolutionBreach`) with the timer's `occurredAt`.
///
/// The engine calls this before deciding a command on the stream, and whenever its clock
/// advances; commands at an instant run after the timers due at that instant.
///
/// `faults` is for testing only (``WorkflowFaults``); leave it empty.
public func tick(
    _ state: ComplaintState, until: Date, streamId: String, policy: ServicePolicy, faults: WorkflowFaults = []
) -> [DecidedEvent] {
    var context = DecisionContext(now: until, policy: policy, streamKind: .complaint)
    context.faults = faults
    var decision = Decision(state: state, context: context, actor: .system, streamId: streamId)
    while let next = dueTimers(decision.complaint, policy: policy, faults: faults).first, next.dueAt <= until {
        decision.fire(next, at: next.dueAt)
    }
    return decision.events
}

extension Decision {
    /// Fires `timer` at `instant` (its due time, or the command's time when a re-target made it
    /// due at once).
    mutating func fire(_ timer: ClockTimer, at instant: Date) {
        guard let clock = complaint.clocks[timer.clock] else { return }
        let savedNow = now
        let savedId = timerCommandId
        now = instant
        timerCommandId = timer.commandId(stream: streamId)
        defer {
            now = savedNow
            timerCommandId = savedId
        }
        let data = slaData(clock)
        switch timer.kind {
        case .warning:
            record(.slaWarningRaised(data), rule: .slaWarning, reason: "\(timer.clock.rawValue) clock reached \(clock.warnAt) of its target")
        case .breach:
            record(.slaBreached(data), rule: .slaBreach, reason: "\(timer.clock.rawValue) clock used up its target")
            switch timer.clock {
            case .acknowledgement: runRules(.acknowledgementBreach)
            case .resolution: runRules(.resolutionBreach)
            case .followUp: break
            }
        }
    }

    /// Fires at once whatever a re-target made due (stamped with the command's time): running
    /// clocks through their due timers, and paused clocks — which have no due time — whose used time
    /// already reaches the new warning threshold or target (DOMAIN.md §4: a re-classification fires at
    /// once whatever is then due).
    mutating func fireDueTimers() {
        while let next = dueTimers(complaint, policy: policy, faults: context.faults).first, next.dueAt <= now {
            fire(next, at: now)
        }
        guard complaint.isOpen else { return }
        for name in ClockName.allCases {
            guard let clock = complaint.clocks[name], clock.phase == .paused, clock.breachedAt == nil else { continue }
            if clock.warnedAt == nil, clock.isWarningOverdue(at: now, calendar: policy.calendar) {
                fire(ClockTimer(clock: name, instance: clock.instance, kind: .warning, dueAt: now), at: now)
            }
            if complaint.clocks[name]?.isOverdue(at: now, calendar: policy.calendar) == true {
                fire(ClockTimer(clock: name, instance: clock.instance, kind: .breach, dueAt: now), at: now)
            }
        }
    }

    /// The breach data of an open, unbreached follow-up clock that closing as resolved skips
    /// (rule `followUpSkipped`, when enabled).
    func skippedFollowUp() -> SlaClockEvent? {
        guard policy.isEnabled(.followUpSkipped), let clock = complaint.clocks[.followUp], clock.phase.isOpen, clock.breachedAt == nil
        else { return nil }
        return slaData(clock)
    }

    /// The data of an SLA event for `clock` at the decision's time.
    private func slaData(_ clock: SLAClock) -> SlaClockEvent {
        SlaClockEvent(
            clock: clock.name, instance: clock.instance, dueAt: clock.dueAt(calendar: policy.calendar) ?? now,
            usedMinutes: Int(clock.usedMinutes(at: now, calendar: policy.calendar)), policyVersion: policy.version)
    }
}
