import ReaderConfig

// config.toml text → ReaderConfiguration (settings, keymap, errors with lines), and the same text read as a
// theme file. Every problem is an error value; nothing here may crash or hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = ReaderConfiguration.parse(text)
    _ = ThemeFile.parse(text, name: "fuzz", fileName: "fuzz.toml")
    return 0
}
