import Synchronization

/// The last committed position, and the subscribers waiting for it to pass a mark.
///
/// The writer advances it after each commit; a subscriber that has read everything up to the head
/// registers a waiter and is resumed by the next commit, with no polling. Registration checks the
/// head under the same lock the writer advances it under, so a wake-up is never lost.
final class HeadBroadcast: Sendable {
    private struct State {
        var head: UInt64
        var closed = false
        var nextTicket = 0
        var waiters: [Int: (mark: UInt64, continuation: CheckedContinuation<Bool, Never>)] = [:]
        var cancelled: Set<Int> = []
    }

    private let state: Mutex<State>

    init(head: UInt64) { state = Mutex(State(head: head)) }

    var head: UInt64 { state.withLock { $0.head } }

    func advance(to head: UInt64) {
        let ready = state.withLock { state -> [CheckedContinuation<Bool, Never>] in
            state.head = max(state.head, head)
            let due = state.waiters.filter { $0.value.mark <= state.head }
            for ticket in due.keys { state.waiters[ticket] = nil }
            return due.map(\.value.continuation)
        }
        for continuation in ready { continuation.resume(returning: true) }
    }

    /// Ends every wait: the log is closing.
    func close() {
        let waiting = state.withLock { state -> [CheckedContinuation<Bool, Never>] in
            state.closed = true
            defer { state.waiters = [:] }
            return state.waiters.values.map(\.continuation)
        }
        for continuation in waiting { continuation.resume(returning: false) }
    }

    /// Waits until the head reaches `mark`. Returns `false` when the log closed or the task was
    /// cancelled first.
    func wait(untilHeadReaches mark: UInt64) async -> Bool {
        let ticket = state.withLock { state -> Int in
            defer { state.nextTicket += 1 }
            return state.nextTicket
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
                let immediate: Bool? = state.withLock { state in
                    if state.head >= mark { return true }
                    if state.closed || state.cancelled.remove(ticket) != nil { return false }
                    state.waiters[ticket] = (mark, continuation)
                    return nil
                }
                if let immediate { continuation.resume(returning: immediate) }
            }
        } onCancel: {
            let waiting = state.withLock { state -> CheckedContinuation<Bool, Never>? in
                if let waiter = state.waiters.removeValue(forKey: ticket) { return waiter.continuation }
                state.cancelled.insert(ticket)
                return nil
            }
            waiting?.resume(returning: false)
        }
    }
}
