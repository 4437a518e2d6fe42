// The reader's pure state. (Skeleton: the reader issue fills this in.)
public struct AppState: Sendable {
    public init() {}
}
