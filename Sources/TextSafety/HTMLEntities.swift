// The one table of HTML character references (`&eacute;`, `&#233;`, `&#xE9;`): every HTML 4 entity and the
// HTML5 names French feeds use. Unknown names stay as written.

public enum HTMLEntities {
    /// The character an entity name stands for (`eacute` → 0xE9), the five of XML included.
    public static func value(named name: String) -> UInt32? {
        named[name]
    }

    /// Decodes the reference starting at `index` (just after an `&`) and moves `index` past it;
    /// nil (index unspecified) when it is not one.
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int) -> Unicode.Scalar? {
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: "#") {
            index += 1
            return decodeNumeric(bytes, at: &index)
        }
        let start = index
        while index < bytes.count, index - start < longestName {
            let byte = bytes[index]
            if byte == UInt8(ascii: ";") {
                let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return named[name].flatMap(Unicode.Scalar.init)
            }
            guard (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) else { break }
            index += 1
        }
        // Legacy references without `;` (`&eacute` in old feeds), for the Latin-1 names only.
        guard index > start else { return nil }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let value = named[name], value <= 0xFF else { return nil }
        return Unicode.Scalar(value)
    }

    private static func decodeNumeric(_ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int) -> Unicode.Scalar? {
        var radix: UInt32 = 10
        if index < bytes.count, bytes[index] == UInt8(ascii: "x") || bytes[index] == UInt8(ascii: "X") {
            radix = 16
            index += 1
        }
        var value: UInt32 = 0
        var digits = 0
        while index < bytes.count, let digit = digitValue(bytes[index], radix: radix) {
            value = value > 0x10FFFF ? value : value * radix + digit
            digits += 1
            index += 1
        }
        guard digits > 0 else { return nil }
        if index < bytes.count, bytes[index] == UInt8(ascii: ";") { index += 1 }
        // Windows-1252 code points mistakenly written as references (`&#146;` for ’), as browsers read them.
        if (0x80...0x9F).contains(value), let mapped = windows1252[value] { return mapped }
        guard value != 0, let scalar = Unicode.Scalar(value) else { return "\u{FFFD}" }
        return scalar
    }

    private static func digitValue(_ byte: UInt8, radix: UInt32) -> UInt32? {
        switch byte {
        case 0x30...0x39: UInt32(byte) - 0x30
        case 0x61...0x66 where radix == 16: UInt32(byte) - 0x61 + 10
        case 0x41...0x46 where radix == 16: UInt32(byte) - 0x41 + 10
        default: nil
        }
    }
    private static let windows1252: [UInt32: Unicode.Scalar] = [
        0x80: "\u{20AC}", 0x82: "\u{201A}", 0x83: "\u{0192}", 0x84: "\u{201E}", 0x85: "\u{2026}", 0x86: "\u{2020}",
        0x87: "\u{2021}", 0x88: "\u{02C6}", 0x89: "\u{2030}", 0x8A: "\u{0160}", 0x8B: "\u{2039}", 0x8C: "\u{0152}",
        0x8E: "\u{017D}", 0x91: "\u{2018}", 0x92: "\u{2019}", 0x93: "\u{201C}", 0x94: "\u{201D}", 0x95: "\u{2022}",
        0x96: "\u{2013}", 0x97: "\u{2014}", 0x98: "\u{02DC}", 0x99: "\u{2122}", 0x9A: "\u{0161}", 0x9B: "\u{203A}",
        0x9C: "\u{0153}", 0x9E: "\u{017E}", 0x9F: "\u{0178}",
    ]

    private static let longestName = 32

    private static let named: [String: UInt32] = [
    "AElig": 0xC6, "Aacute": 0xC1, "Acirc": 0xC2, "Agrave": 0xC0, "Alpha": 0x391, "Aring": 0xC5, "Atilde": 0xC3,
    "Auml": 0xC4, "Beta": 0x392, "Ccedil": 0xC7, "Chi": 0x3A7, "Dagger": 0x2021, "Delta": 0x394, "ETH": 0xD0,
    "Eacute": 0xC9, "Ecirc": 0xCA, "Egrave": 0xC8, "Epsilon": 0x395, "Eta": 0x397, "Euml": 0xCB, "Gamma": 0x393,
    "Hat": 0x5E, "Iacute": 0xCD, "Icirc": 0xCE, "Igrave": 0xCC, "Iota": 0x399, "Iuml": 0xCF, "Kappa": 0x39A,
    "Lambda": 0x39B, "MediumSpace": 0x205F, "Mu": 0x39C, "NewLine": 0xA, "NoBreak": 0x2060, "Ntilde": 0xD1,
    "Nu": 0x39D, "OElig": 0x152, "Oacute": 0xD3, "Ocirc": 0xD4, "Ograve": 0xD2, "Omega": 0x3A9, "Omicron": 0x39F,
    "Oslash": 0xD8, "Otilde": 0xD5, "Ouml": 0xD6, "Phi": 0x3A6, "Pi": 0x3A0, "Prime": 0x2033, "Psi": 0x3A8,
    "Rho": 0x3A1, "Scaron": 0x160, "Sigma": 0x3A3, "THORN": 0xDE, "Tab": 0x9, "Tau": 0x3A4, "Theta": 0x398,
    "Uacute": 0xDA, "Ucirc": 0xDB, "Ugrave": 0xD9, "Upsilon": 0x3A5, "Uuml": 0xDC, "Xi": 0x39E, "Yacute": 0xDD,
    "Yuml": 0x178, "ZeroWidthSpace": 0x200B, "Zeta": 0x396, "aacute": 0xE1, "acirc": 0xE2, "acute": 0xB4,
    "aelig": 0xE6, "agrave": 0xE0, "alefsym": 0x2135, "alpha": 0x3B1, "amp": 0x26, "and": 0x2227, "ang": 0x2220,
    "apos": 0x27, "aring": 0xE5, "ast": 0x2A, "asymp": 0x2248, "atilde": 0xE3, "auml": 0xE4, "bdquo": 0x201E,
    "beta": 0x3B2, "brvbar": 0xA6, "bsol": 0x5C, "bull": 0x2022, "cap": 0x2229, "ccedil": 0xE7, "cedil": 0xB8,
    "cent": 0xA2, "check": 0x2713, "chi": 0x3C7, "circ": 0x2C6, "clubs": 0x2663, "colon": 0x3A, "comma": 0x2C,
    "commat": 0x40, "cong": 0x2245, "copy": 0xA9, "crarr": 0x21B5, "cup": 0x222A, "curren": 0xA4, "dArr": 0x21D3,
    "dagger": 0x2020, "darr": 0x2193, "dash": 0x2010, "deg": 0xB0, "delta": 0x3B4, "diams": 0x2666, "divide": 0xF7,
    "dollar": 0x24, "eacute": 0xE9, "ecirc": 0xEA, "egrave": 0xE8, "empty": 0x2205, "emsp": 0x2003, "ensp": 0x2002,
    "epsilon": 0x3B5, "equals": 0x3D, "equiv": 0x2261, "eta": 0x3B7, "eth": 0xF0, "euml": 0xEB, "euro": 0x20AC,
    "excl": 0x21, "exist": 0x2203, "fnof": 0x192, "forall": 0x2200, "frac12": 0xBD, "frac14": 0xBC, "frac34": 0xBE,
    "frasl": 0x2044, "gamma": 0x3B3, "ge": 0x2265, "grave": 0x60, "gt": 0x3E, "hArr": 0x21D4, "harr": 0x2194,
    "hearts": 0x2665, "hellip": 0x2026, "hyphen": 0x2010, "iacute": 0xED, "icirc": 0xEE, "iexcl": 0xA1,
    "igrave": 0xEC, "image": 0x2111, "infin": 0x221E, "int": 0x222B, "iota": 0x3B9, "iquest": 0xBF, "isin": 0x2208,
    "iuml": 0xEF, "kappa": 0x3BA, "lArr": 0x21D0, "lambda": 0x3BB, "lang": 0x2329, "laquo": 0xAB, "larr": 0x2190,
    "lceil": 0x2308, "lcub": 0x7B, "ldquo": 0x201C, "le": 0x2264, "lfloor": 0x230A, "lowast": 0x2217, "lowbar": 0x5F,
    "loz": 0x25CA, "lpar": 0x28, "lrm": 0x200E, "lsaquo": 0x2039, "lsqb": 0x5B, "lsquo": 0x2018, "lt": 0x3C,
    "macr": 0xAF, "mdash": 0x2014, "micro": 0xB5, "middot": 0xB7, "minus": 0x2212, "mldr": 0x2026, "mu": 0x3BC,
    "nabla": 0x2207, "nbhy": 0x2011, "nbsp": 0xA0, "ndash": 0x2013, "ne": 0x2260, "ni": 0x220B, "not": 0xAC,
    "notin": 0x2209, "nsub": 0x2284, "ntilde": 0xF1, "nu": 0x3BD, "num": 0x23, "numsp": 0x2007, "oacute": 0xF3,
    "ocirc": 0xF4, "oelig": 0x153, "ograve": 0xF2, "oline": 0x203E, "omega": 0x3C9, "omicron": 0x3BF,
    "oplus": 0x2295, "or": 0x2228, "ordf": 0xAA, "ordm": 0xBA, "oslash": 0xF8, "otilde": 0xF5, "otimes": 0x2297,
    "ouml": 0xF6, "para": 0xB6, "part": 0x2202, "percnt": 0x25, "period": 0x2E, "permil": 0x2030, "perp": 0x22A5,
    "phi": 0x3C6, "pi": 0x3C0, "piv": 0x3D6, "plus": 0x2B, "plusmn": 0xB1, "pound": 0xA3, "prime": 0x2032,
    "prod": 0x220F, "prop": 0x221D, "psi": 0x3C8, "puncsp": 0x2008, "quest": 0x3F, "quot": 0x22, "rArr": 0x21D2,
    "radic": 0x221A, "rang": 0x232A, "raquo": 0xBB, "rarr": 0x2192, "rceil": 0x2309, "rcub": 0x7D, "rdquo": 0x201D,
    "real": 0x211C, "reg": 0xAE, "rfloor": 0x230B, "rho": 0x3C1, "rlm": 0x200F, "rpar": 0x29, "rsaquo": 0x203A,
    "rsqb": 0x5D, "rsquo": 0x2019, "sbquo": 0x201A, "scaron": 0x161, "sdot": 0x22C5, "sect": 0xA7, "semi": 0x3B,
    "shy": 0xAD, "sigma": 0x3C3, "sigmaf": 0x3C2, "sim": 0x223C, "sol": 0x2F, "spades": 0x2660, "star": 0x2606,
    "starf": 0x2605, "sub": 0x2282, "sube": 0x2286, "sum": 0x2211, "sup": 0x2283, "sup1": 0xB9, "sup2": 0xB2,
    "sup3": 0xB3, "supe": 0x2287, "szlig": 0xDF, "tau": 0x3C4, "there4": 0x2234, "theta": 0x3B8, "thetasym": 0x3D1,
    "thinsp": 0x2009, "thorn": 0xFE, "tilde": 0x2DC, "times": 0xD7, "trade": 0x2122, "uArr": 0x21D1, "uacute": 0xFA,
    "uarr": 0x2191, "ucirc": 0xFB, "ugrave": 0xF9, "uml": 0xA8, "upsih": 0x3D2, "upsilon": 0x3C5, "uuml": 0xFC,
    "verbar": 0x7C, "vert": 0x7C, "weierp": 0x2118, "xi": 0x3BE, "yacute": 0xFD, "yen": 0xA5, "yuml": 0xFF,
    "zeta": 0x3B6, "zwj": 0x200D, "zwnj": 0x200C,
    ]
}
