import Foundation

extension FeedListLayers {
    /// A feed moved for good (301/308): rewrites its line in the reader's file, else in the system file, so the
    /// next reload asks the new address. False when no file that lists it can be written (the store then keeps
    /// the old address and the redirect is followed each time).
    public mutating func moveFeed(from url: String, to newURL: String) -> Bool {
        if var file = user, file.replaceURL(url, with: newURL), (try? file.save(to: locations.userFeeds)) != nil {
            user = file
            return true
        }
        if var file = system, file.replaceURL(url, with: newURL), (try? file.save(to: locations.systemFeeds)) != nil {
            system = file
            return true
        }
        return false
    }
}
