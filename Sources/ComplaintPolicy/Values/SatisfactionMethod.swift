/// How a satisfaction score was collected (complaint-process.md §3.7, 003 §5.3).
public enum SatisfactionMethod: String, ClosedValueSet {
    /// A questionnaire (問卷).
    case questionnaire
    /// A phone interview (電話訪問).
    case phone
    /// An online rating (在線評價).
    case online

    /// The value-set name used in errors.
    public static let valueSetName = "satisfactionMethod"
}
