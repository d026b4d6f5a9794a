/// The kind of an improvement action (DOMAIN.md §7; quality-kpi-pdca.md).
public enum ActionType: String, ClosedValueSet {
    /// A change to a system.
    case system
    /// A change to a process.
    case process
    /// Staff training.
    case training
    /// Communication.
    case communication
    /// Appraisal (performance assessment).
    case appraisal
    /// Equipment.
    case equipment
    /// A new or changed standard.
    case standard

    /// The value-set name used in errors.
    public static let valueSetName = "actionType"
}
