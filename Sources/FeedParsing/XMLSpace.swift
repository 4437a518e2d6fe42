extension UInt8 {
    /// XML's white space (space, tab, line feed, carriage return): what the parser trims and skips.
    var isXMLSpace: Bool { self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0D }
}
