import CLibXML2

/// What every libxml2 user here calls before parsing.
enum LibXML {
    /// libxml2's own setup (idempotent), and no stray messages on stderr from the calling thread.
    static func initialize() {
        xmlInitParser()
        qn_silence_generic_errors()
    }
}
