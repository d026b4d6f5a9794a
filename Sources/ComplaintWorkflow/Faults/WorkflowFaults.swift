/// Deliberate defects the engine can be opened with, **for testing only**: they let the scenario
/// fixtures prove that they catch a broken rule (every fault must make some scenario fail). The
/// empty set — the default everywhere — is the production behaviour, unchanged.
public struct WorkflowFaults: OptionSet, Hashable, Sendable, CustomStringConvertible {
    /// The fault bits.
    public let rawValue: UInt32
    /// The faults with these bits.
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// SLA warnings never fire (the clocks' `warnAt` fraction is ignored).
    public static let warnAtIgnored = WorkflowFaults(rawValue: 1 << 0)
    /// The resolution clock keeps running while the complaint awaits the customer.
    public static let pauseIgnored = WorkflowFaults(rawValue: 1 << 1)
    /// A reopen resumes the old resolution instance instead of starting a new one.
    public static let reopenResumesOldClock = WorkflowFaults(rawValue: 1 << 2)
    /// Proposals never need approval.
    public static let approvalSkipped = WorkflowFaults(rawValue: 1 << 3)
    /// The `severeAtAssessment` escalation rule is off.
    public static let severeAtAssessmentOff = WorkflowFaults(rawValue: 1 << 4)
    /// `versionConflict` is checked before `notPermitted` (the refusal order swapped).
    public static let refusalOrderSwapped = WorkflowFaults(rawValue: 1 << 5)
    /// Queues order by receipt time (then id) only.
    public static let queueTiesByReceiptOnly = WorkflowFaults(rawValue: 1 << 6)
    /// The on-time KPIs count cancelled (void) clock instances as on time.
    public static let kpiCountsCancelledClocks = WorkflowFaults(rawValue: 1 << 7)

    /// Every fault with its name.
    public static let named: [(name: String, fault: WorkflowFaults)] = [
        ("warnAtIgnored", .warnAtIgnored), ("pauseIgnored", .pauseIgnored),
        ("reopenResumesOldClock", .reopenResumesOldClock), ("approvalSkipped", .approvalSkipped),
        ("severeAtAssessmentOff", .severeAtAssessmentOff), ("refusalOrderSwapped", .refusalOrderSwapped),
        ("queueTiesByReceiptOnly", .queueTiesByReceiptOnly), ("kpiCountsCancelledClocks", .kpiCountsCancelledClocks),
    ]

    /// The names of the faults in the set.
    public var description: String {
        "[" + Self.named.filter { contains($0.fault) }.map(\.name).joined(separator: ", ") + "]"
    }
}
