public import ComplaintPolicy

/// The queues one complaint is in, and where it sorts in each (DOMAIN.md §6).
public struct QueueMembership: Hashable, Sendable {
    /// The queues, in name order; empty for a closed complaint.
    public var queues: [QueueName]
    /// The complaint's position key, the same in every queue.
    public var sortKey: QueueSortKey

    /// Creates a membership.
    public init(queues: [QueueName], sortKey: QueueSortKey) {
        self.queues = queues
        self.sortKey = sortKey
    }
}

/// The queues the complaint `complaintId` in `state` belongs to, and its sort key.
///
/// `policy` supplies the calendar that business clocks' due times need.
/// `faults` is for testing only (``WorkflowFaults``); leave it empty.
public func queueMembership(
    _ state: ComplaintState, complaintId: String, policy: ServicePolicy, faults: WorkflowFaults = []
) -> QueueMembership {
    let running = state.clocks.values.filter { $0.phase == .running }
    var sortKey = QueueSortKey(
        severityRank: [Severity.critical, .serious].firstIndex(of: state.severity ?? .general) ?? 2,
        urgencyRank: state.urgency == .urgent ? 0 : 1,
        customerImportance: state.customerImportance,
        earliestDueAt: running.compactMap { $0.dueAt(calendar: policy.calendar) }.min(),
        receivedAt: state.receivedAt,
        id: complaintId)
    if faults.contains(.queueTiesByReceiptOnly) { sortKey = sortKey.receiptOnly }
    guard state.isOpen else { return QueueMembership(queues: [], sortKey: sortKey) }
    var queues: [QueueName] = [.level(state.escalationLevel)]
    queues.append(state.owner.map(QueueName.owner) ?? .unassigned)
    if state.clocks.values.contains(where: { $0.breachedAt != nil && $0.phase.isOpen }) { queues.append(.breached) }
    switch state.status {
    case .awaitingApproval: queues.append(.awaitingApproval)
    case .awaitingCustomer: queues.append(.awaitingCustomer)
    case .resolved where state.clocks[.followUp]?.phase.isOpen == true: queues.append(.followUp)
    default: break
    }
    return QueueMembership(queues: queues.sorted(), sortKey: sortKey)
}
