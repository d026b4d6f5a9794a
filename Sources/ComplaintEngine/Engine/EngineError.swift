public import ComplaintWorkflow
public import EventLog

/// Why the engine refused or failed a command. Nothing is recorded when it is thrown.
public enum EngineError: Error, Sendable, CustomStringConvertible {
    /// The workflow refused the command (its `WorkflowError/code` is one of DOMAIN.md §9).
    case refused(WorkflowError)
    /// Storage failed or is busy (`storeBusy`, `storageFull`, `storageCorrupted`, …).
    case storage(EventLogError)

    /// The stable error code: the workflow's code, or the storage code.
    public var code: String {
        switch self {
        case .refused(let error): error.code.rawValue
        case .storage(let error): error.code.rawValue
        }
    }

    /// Wraps any error thrown while handling or reading: workflow refusals stay refusals, log
    /// errors stay storage errors, anything else is a storage failure naming it.
    public static func from(_ error: any Error) -> EngineError {
        switch error {
        case let error as EngineError: error
        case let error as WorkflowError: .refused(error)
        case let error as EventLogError: .storage(error)
        default: .storage(EventLogError(.storageFailed, "\(error)"))
        }
    }

    /// What was refused and why.
    public var description: String {
        switch self {
        case .refused(let error): "\(error)"
        case .storage(let error): "\(error)"
        }
    }
}
