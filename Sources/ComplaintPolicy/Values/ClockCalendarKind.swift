/// Which time a clock counts: all elapsed time, or only the business calendar's working time.
public enum ClockCalendarKind: String, ClosedValueSet {
    /// Wall-clock elapsed seconds.
    case elapsed
    /// Working seconds of the policy's ``BusinessCalendar``.
    case business

    /// The value-set name used in errors.
    public static let valueSetName = "calendar"
}
