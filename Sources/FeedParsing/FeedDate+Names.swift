extension FeedDate {
    /// Month, weekday and zone names in English and French, looked up by a folded key: lower case, accents
    /// removed (févr. → fevr, août → aout, déc. → dec), packed into a UInt64 so a lookup allocates nothing.
    enum Word: Equatable {
        case weekday
        case month(Int)
        /// "mar" is March in English and mardi (Tuesday) in French: decided by what follows.
        case marOrMardi
        /// Seconds east of UTC.
        case zone(Int)
        /// French "le" (le 3 novembre) and "à" (à 10 h 30).
        case connector

        /// Folds one word; nil for a byte that is no letter or an accent outside French.
        struct Key: Hashable {
            private(set) var value: UInt64 = 0
            private(set) var length = 0
            private(set) var hadAccent = false

            /// Letters beyond 13 do not fit the base-27 packing; no date word is that long anyway.
            mutating func append(letter: UInt8) -> Bool {
                let lower = letter | 0x20
                guard lower >= UInt8(ascii: "a"), lower <= UInt8(ascii: "z"), length < 13 else { return false }
                value = value * 27 + UInt64(lower - UInt8(ascii: "a") + 1)
                length += 1
                return true
            }

            /// The second byte of a two-byte UTF-8 letter that starts with 0xC3 (Latin-1 supplement).
            mutating func append(latin1Supplement byte: UInt8) -> Bool {
                hadAccent = true
                switch byte | 0x20 {
                case 0xA0, 0xA2, 0xA4: return append(letter: UInt8(ascii: "a"))  // à â ä
                case 0xA7: return append(letter: UInt8(ascii: "c"))              // ç
                case 0xA8...0xAB: return append(letter: UInt8(ascii: "e"))       // è é ê ë
                case 0xAE, 0xAF: return append(letter: UInt8(ascii: "i"))        // î ï
                case 0xB4, 0xB6: return append(letter: UInt8(ascii: "o"))        // ô ö
                case 0xB9, 0xBB, 0xBC: return append(letter: UInt8(ascii: "u"))  // ù û ü
                default: return false
                }
            }

            init() {}

            init(_ word: String) {
                for byte in word.utf8 { _ = append(letter: byte) }
            }

            static func == (lhs: Key, rhs: Key) -> Bool { lhs.value == rhs.value && lhs.length == rhs.length }
            func hash(into hasher: inout Hasher) { hasher.combine(value) }
        }

        /// A binary search over the sorted keys: no hashing on the hot path.
        static func lookUp(_ key: Key) -> Word? {
            let (keys, words) = (table.keys, table.words)
            var low = 0
            var high = keys.count
            while low < high {
                let middle = (low + high) / 2
                if keys[middle] < key.value { low = middle + 1 } else { high = middle }
            }
            return low < keys.count && keys[low] == key.value ? words[low] : nil
        }

        private static let table: (keys: [UInt64], words: [Word]) = {
            var table: [Key: Word] = [:]
            let months: [[String]] = [
                ["jan", "january", "janv", "janvier"],
                ["feb", "february", "fev", "fevr", "fevrier"],
                ["march", "mars"],
                ["apr", "april", "avr", "avril"],
                ["may", "mai"],
                ["jun", "june", "juin"],
                ["jul", "july", "juil", "juillet"],
                ["aug", "august", "aou", "aout"],
                ["sep", "sept", "september", "septembre"],
                ["oct", "october", "octobre"],
                ["nov", "november", "novembre"],
                ["dec", "december", "decembre"],
            ]
            for (index, names) in months.enumerated() {
                for name in names { table[Key(name)] = .month(index + 1) }
            }
            let weekdays = [
                "mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu", "thur", "thurs", "thursday",
                "fri", "friday", "sat", "saturday", "sun", "sunday",
                "lun", "lundi", "mardi", "mer", "mercredi", "jeu", "jeudi", "ven", "vendredi",
                "sam", "samedi", "dim", "dimanche",
            ]
            for name in weekdays { table[Key(name)] = .weekday }
            table[Key("mar")] = .marOrMardi
            let hour = 3_600
            let zones: [(String, Int)] = [
                ("gmt", 0), ("ut", 0), ("utc", 0),
                ("est", -5 * hour), ("edt", -4 * hour), ("cst", -6 * hour), ("cdt", -5 * hour),
                ("mst", -7 * hour), ("mdt", -6 * hour), ("pst", -8 * hour), ("pdt", -7 * hour),
                // What French and Québec sites write: Central European, and heure normale/avancée de l'Est.
                ("cet", hour), ("cest", 2 * hour), ("hne", -5 * hour), ("hae", -4 * hour),
            ]
            for (name, offset) in zones { table[Key(name)] = .zone(offset) }
            table[Key("le")] = .connector
            let sorted = table.sorted { $0.key.value < $1.key.value }
            return (sorted.map(\.key.value), sorted.map(\.value))
        }()

        /// Military zones, one letter (J unused). RFC 822 got their signs backwards and RFC 1123 says so;
        /// we follow the military convention RFC 1123 describes: A = +1 … M = +12, N = −1 … Y = −12, Z = 0.
        static func militaryZone(_ letter: UInt8) -> Int? {
            let lower = letter | 0x20
            switch lower {
            case UInt8(ascii: "a")...UInt8(ascii: "i"): return Int(lower - UInt8(ascii: "a") + 1) * 3_600
            case UInt8(ascii: "k")...UInt8(ascii: "m"): return Int(lower - UInt8(ascii: "k") + 10) * 3_600
            case UInt8(ascii: "n")...UInt8(ascii: "y"): return -Int(lower - UInt8(ascii: "n") + 1) * 3_600
            case UInt8(ascii: "z"): return 0
            default: return nil
            }
        }
    }
}
