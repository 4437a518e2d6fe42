import Foundation

/// Dates as feeds write them → `Date`. (Skeleton: the dates work fills this in.)
public enum FeedDate {
    /// RFC 822/1123, RFC 3339/ISO 8601/W3C-DTF and French-localized forms; nil when unparseable.
    public static func parse(_ text: String) -> Date? { nil }
}
