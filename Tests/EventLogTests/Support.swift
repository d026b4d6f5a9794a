import EventLog
import Foundation
import Synchronization
import Testing
import TestChildProcess

/// A fresh directory under the system temp folder, removed by `remove()`.
struct TemporaryDirectory {
    let path: String

    init(_ label: String = #function) {
        let name = label.filter { $0.isLetter || $0.isNumber }
        path = NSTemporaryDirectory() + "eventlog-\(name)-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// A clock the test moves by hand.
final class ManualTime: TimeSource {
    private let current: Mutex<Date>
    init(_ start: Date = Date(timeIntervalSince1970: 1_772_000_000)) { current = Mutex(start) }
    func now() -> Date { current.withLock { $0 } }
    func advance(seconds: TimeInterval) { current.withLock { $0 += seconds } }
    func set(_ date: Date) { current.withLock { $0 = date } }
}

let testActor = EventActor(id: "agent-1", role: "agent")

func event(_ type: String = "Happened", _ payload: String = "payload", actor: EventActor = testActor) -> ProposedEvent {
    ProposedEvent(type: type, actor: actor, payload: Array(payload.utf8))
}

func request(
    _ stream: String, _ count: Int = 1, expected: ExpectedVersion = .any, command: String? = nil, kind: String = "test"
) -> AppendRequest {
    AppendRequest(commandID: command, stream: stream, kind: kind, expectedVersion: expected,
                  events: (0..<count).map { event("Happened", "\(stream)-\($0)") })
}

/// Opens a log in a fresh directory, runs `body`, closes and removes it.
func withLog<R>(
    _ configuration: EventLog.Configuration = .init(), label: String = #function,
    _ body: (EventLog, TemporaryDirectory) async throws -> R
) async throws -> R {
    let directory = TemporaryDirectory(label)
    defer { directory.remove() }
    let log = try EventLog.open(directory: directory.path, configuration: configuration)
    defer { log.close() }
    return try await body(log, directory)
}

/// Starts the event log's test child (`eventlog-test-child`) with `arguments`.
func eventLogChild(_ arguments: [String]) throws -> ChildProcess {
    try ChildProcess(executable: "eventlog-test-child", arguments)
}

/// A clock whose reads block while the gate is closed: it holds the log's writer inside a commit.
final class GateClock: TimeSource, @unchecked Sendable {
    private let condition = NSCondition()
    private var closed = false

    func now() -> Date {
        condition.lock()
        while closed { condition.wait() }
        condition.unlock()
        return Date(timeIntervalSince1970: 1_772_000_000)
    }

    func close() { condition.lock(); closed = true; condition.unlock() }
    func open() { condition.lock(); closed = false; condition.broadcast(); condition.unlock() }
}

/// Expects `body` to be refused with the given log error code.
func expectRefusal<R>(
    _ code: EventLogError.Code, sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> R
) async {
    do {
        _ = try await body()
        Issue.record("expected \(code), but it succeeded", sourceLocation: sourceLocation)
    } catch let error as EventLogError {
        #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
    } catch {
        Issue.record("expected \(code), got \(error)", sourceLocation: sourceLocation)
    }
}
