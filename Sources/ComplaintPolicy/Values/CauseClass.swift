/// A root-cause class (complaint-process.md §3.11, 003 §4.2; the last four are policy).
public enum CauseClass: String, ClosedValueSet {
    /// Product design defect (產品設計缺陷).
    case productDesign
    /// Production problem (生產問題).
    case production
    /// Error in the service process (服務過程中的失誤).
    case serviceError
    /// A defect of a system.
    case systemDefect
    /// A gap in a process.
    case processGap
    /// Staff capability.
    case staffCapability
    /// Anything else.
    case other

    /// The value-set name used in errors.
    public static let valueSetName = "causeClass"
}
