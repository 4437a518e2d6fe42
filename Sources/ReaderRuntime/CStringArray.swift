import Glibc

/// `strings` as the NULL-terminated `char *[]` that exec and posix_spawn take, valid for the call to `body`.
func withCStringArray<T>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) throws -> T) rethrows -> T {
    let array = strings.map { strdup($0) } + [nil]
    defer { for pointer in array { free(pointer) } }
    return try body(array)
}
