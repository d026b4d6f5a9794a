/// A root-cause analysis method (complaint-process.md §3.11, 002 §4.3).
public enum AnalysisMethod: String, ClosedValueSet {
    /// The five-whys method (5Why).
    case fiveWhy
    /// The fishbone diagram (魚骨圖).
    case fishbone
    /// Any other method.
    case other

    /// The value-set name used in errors.
    public static let valueSetName = "method"
}
