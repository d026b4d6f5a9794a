public import ComplaintWorkflow
public import EventLog

/// Why the engine refused or failed a command. Nothing is recorded when it is thrown.
public enum EngineError: Error, Sendable, CustomStringConvertible {
    /// The workflow refused the command (its ``WorkflowError/code`` is one of DOMAIN.md §9).
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

    /// What was refused and why.
    public var description: String {
        switch self {
        case .refused(let error): "\(error)"
        case .storage(let error): "\(error)"
        }
    }
}
