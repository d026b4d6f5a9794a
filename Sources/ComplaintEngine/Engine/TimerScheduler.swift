import EventLog
import Foundation
import Synchronization

/// Fires SLA timers on its own for an engine that reads a real clock: a task that fires what is
/// due, sleeps until the earliest pending timer (at most ``longestNap``), and wakes early when the
/// engine records something (a commit may add an earlier timer). Started by ``ComplaintEngine``
/// when ``EngineConfiguration/firesTimersAutomatically`` is on, stopped by ``ComplaintEngine/close()``.
///
/// Everything it fires goes through ``ComplaintEngine/fireDueTimers()``, whose deterministic timer
/// command ids make it safe beside commands, ``ComplaintEngine/advance(to:)`` and restarts. The task
/// holds the engine weakly, so an engine nobody closes still goes away.
final class TimerScheduler: Sendable {
    /// The longest sleep between two looks at the due-timer index (a safety net: commits wake it).
    static let longestNap: TimeInterval = 60
    /// The sleep after a failed round, or when the earliest timer is due but did not fire.
    static let retryNap: TimeInterval = 1

    private struct State {
        var task: Task<Void, Never>?
        var sleeper: CheckedContinuation<Void, Never>?
        var woken = false
        var stopped = false
    }

    private let state = Mutex(State())

    /// Starts the background task (once).
    func start(_ engine: ComplaintEngine) {
        state.withLock { state in
            guard state.task == nil, !state.stopped else { return }
            state.task = Task.detached { [weak engine, weak self] in
                while let scheduler = self, !scheduler.isStopped {
                    guard let nap = await Self.step(engine) else { return }
                    await scheduler.sleep(nap)
                }
            }
        }
    }

    /// Stops the task; a round in progress ends at its next await.
    func stop() {
        let (task, sleeper) = state.withLock { state in
            state.stopped = true
            defer {
                state.task = nil
                state.sleeper = nil
            }
            return (state.task, state.sleeper)
        }
        task?.cancel()
        sleeper?.resume()
    }

    /// Ends the current sleep early (or the next one, when none is in progress): something was
    /// recorded and the earliest due time may have changed.
    func wake() {
        let sleeper = state.withLock { state -> CheckedContinuation<Void, Never>? in
            if let sleeper = state.sleeper {
                state.sleeper = nil
                return sleeper
            }
            state.woken = true
            return nil
        }
        sleeper?.resume()
    }

    private var isStopped: Bool { state.withLock { $0.stopped } }

    /// One round: fires what is due now and returns how long to sleep; `nil` when the engine is gone.
    static func step(_ engine: ComplaintEngine?) async -> TimeInterval? {
        guard let engine else { return nil }
        do {
            try await engine.fireDueTimers()
            return nap(until: try engine.nextTimerDue(), now: engine.configuration.clock.now())
        } catch {
            return retryNap
        }
    }

    /// How long to sleep when the earliest pending timer is due at `next`: until then, at most
    /// ``longestNap``; ``retryNap`` when it is already due (it did not fire this round: retry later
    /// rather than spin).
    static func nap(until next: Date?, now: Date) -> TimeInterval {
        guard let next else { return longestNap }
        let wait = next.timeIntervalSince(now)
        return wait <= 0 ? retryNap : min(longestNap, wait)
    }

    private func sleep(_ seconds: TimeInterval) async {
        let alarm = Task { [weak self] in
            try? await Task.sleep(for: .seconds(seconds))
            if !Task.isCancelled { self?.wake() }
        }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let now = state.withLock { state -> Bool in
                if state.woken || state.stopped {
                    state.woken = false
                    return true
                }
                state.sleeper = continuation
                return false
            }
            if now { continuation.resume() }
        }
        alarm.cancel()
    }
}
