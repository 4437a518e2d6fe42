extension FeedDate {
    /// Dates written with a month name, English or French, in any reasonable order:
    /// RFC 822/1123/2822 (`Thu, 14 Nov 2024 10:00:00 -0500`), RFC 850 (`Thursday, 14-Nov-24 10:00:00 GMT`),
    /// asctime (`Thu Nov 14 10:00:00 2024`), and French as WordPress writes it (`jeu. 14 nov. 2024 10:00:00
    /// -0500`, `lundi 3 novembre 2014`, `1er mars 2015 à 10 h 30`). A parenthesised comment such as
    /// `(EST)` is skipped. Day, month and year are required; a missing time is midnight, a missing zone UTC.
    struct WrittenDateReader {
        private let bytes: UnsafeBufferPointer<UInt8>
        private var index = 0
        private var fields = CivilDateTime()
        private var day: Int?
        private var month: Int?
        private var year: Int?
        private var yearDigits = 0
        private var hasTime = false
        private var hasZone = false
        private var zoneWasNumeric = false
        private var marchUnlessAnotherMonth = false

        init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func read() -> CivilDateTime? {
            while index < bytes.count {
                let byte = bytes[index]
                if byte.isXMLSpace || byte == UInt8(ascii: ",") {
                    index += 1
                } else if isNBSP(at: index) {
                    index += 2  // NBSP, which French typography puts before "h" and after "1er"
                } else if byte == UInt8(ascii: "(") {
                    while index < bytes.count, bytes[index] != UInt8(ascii: ")") { index += 1 }
                    index += 1
                } else if FeedDate.isDigit(byte) {
                    guard readNumber() else { return nil }
                } else if byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") {
                    if hasTime, !hasZone, nextIsDigit(after: index) {
                        guard let offset = readOffset() else { return nil }
                        fields.offset = offset
                        hasZone = true
                        zoneWasNumeric = true
                    } else if byte == UInt8(ascii: "-"), !hasTime {
                        index += 1  // RFC 850: 14-Nov-24
                    } else {
                        return nil
                    }
                } else if isLetterStart(byte) {
                    guard readWord() else { return nil }
                } else {
                    return nil
                }
            }
            if month == nil, marchUnlessAnotherMonth { month = 3 }
            guard let day, let month, var year else { return nil }
            // RFC 2822 §4.3: two-digit years below 50 are 20xx, the others 19xx; three digits add 1900.
            if yearDigits <= 2 { year += year < 50 ? 2000 : 1900 } else if yearDigits == 3 { year += 1900 }
            fields.day = day
            fields.month = month
            fields.year = year
            return fields
        }

        private func isLetterStart(_ byte: UInt8) -> Bool {
            let lower = byte | 0x20
            return (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) || byte == 0xC3
        }

        /// Past spaces and NBSPs (French typography puts an NBSP around the "h" of 10 h 30).
        private func skippingSpaces(from start: Int) -> Int {
            var position = start
            while position < bytes.count {
                if bytes[position] == 0x20 { position += 1 }
                else if isNBSP(at: position) { position += 2 }
                else { break }
            }
            return position
        }

        private func nextIsDigit(after position: Int) -> Bool {
            position + 1 < bytes.count && FeedDate.isDigit(bytes[position + 1])
        }

        private func isNBSP(at position: Int) -> Bool {
            position + 1 < bytes.count && bytes[position] == 0xC2 && bytes[position + 1] == 0xA0
        }

        /// The ASCII letter at `position` in lower case (other bytes come out meaningless), nil past the end.
        private func lowercased(at position: Int) -> UInt8? {
            position < bytes.count ? bytes[position] | 0x20 : nil
        }

        private func isLetter(at position: Int) -> Bool {
            position < bytes.count && isLetterStart(bytes[position])
        }

        /// Reads up to `limit` digits; nil when there are none or more than `limit`.
        private mutating func digits(limit: Int) -> (value: Int, count: Int)? {
            var value = 0
            var count = 0
            while index < bytes.count, FeedDate.isDigit(bytes[index]) {
                guard count < limit else { return nil }
                value = value * 10 + Int(bytes[index] &- 0x30)
                count += 1
                index += 1
            }
            return count > 0 ? (value, count) : nil
        }

        private mutating func readNumber() -> Bool {
            guard let (value, count) = digits(limit: 4) else { return false }
            if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
                index += 1
                return count <= 2 && readTime(hour: value, separator: UInt8(ascii: ":"))
            }
            // French clock times: 10h30, 10 h 30, 10 h.
            let afterSpaces = skippingSpaces(from: index)
            if lowercased(at: afterSpaces) == UInt8(ascii: "h"), !isLetter(at: afterSpaces + 1) {
                index = afterSpaces + 1
                return count <= 2 && readTime(hour: value, separator: UInt8(ascii: "h"))
            }
            // "1er", the French ordinal for the first of the month.
            if lowercased(at: index) == UInt8(ascii: "e"), lowercased(at: index + 1) == UInt8(ascii: "r"),
               !isLetter(at: index + 2) {
                index += 2
                guard value == 1, day == nil else { return false }
                day = 1
                return true
            }
            if count >= 3 {
                guard year == nil else { return false }
                year = value
                yearDigits = count
            } else if day == nil, !hasTime {
                day = value
            } else if year == nil {
                year = value
                yearDigits = count
            } else {
                return false
            }
            return true
        }

        /// After "hh:" or "hh h": minutes, then seconds and a fraction for ':' times.
        private mutating func readTime(hour: Int, separator: UInt8) -> Bool {
            guard !hasTime else { return false }
            hasTime = true
            fields.hour = hour
            if separator == UInt8(ascii: "h") {
                index = skippingSpaces(from: index)
                if index < bytes.count, FeedDate.isDigit(bytes[index]) {
                    guard let (minute, _) = digits(limit: 2) else { return false }
                    fields.minute = minute
                }
                return true
            }
            guard let (minute, count) = digits(limit: 2), count == 2 else { return false }
            fields.minute = minute
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return true }
            index += 1
            guard let (second, secondDigits) = digits(limit: 2), secondDigits == 2 else { return false }
            fields.second = second
            if index < bytes.count, bytes[index] == UInt8(ascii: "."), nextIsDigit(after: index) {
                index += 1
                fields.fraction = FeedDate.fraction(in: bytes, at: &index) ?? 0
            }
            return true
        }

        /// ±hhmm, ±hh:mm, ±hh or ±h (the last two after GMT, as in "GMT+1").
        private mutating func readOffset() -> Int? {
            let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
            index += 1
            guard let (number, count) = digits(limit: 4) else { return nil }
            var hours = number
            var minutes = 0
            switch count {
            case 4:
                hours = number / 100
                minutes = number % 100
            case 1, 2:
                if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
                    index += 1
                    guard let (value, digitCount) = digits(limit: 2), digitCount == 2 else { return nil }
                    minutes = value
                }
            default:
                return nil
            }
            guard hours < 24, minutes < 60 else { return nil }
            return sign * (hours * 3_600 + minutes * 60)
        }

        private mutating func readWord() -> Bool {
            var key = Word.Key()
            let start = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0xC3 {
                    guard index + 1 < bytes.count, key.append(latin1Supplement: bytes[index + 1]) else { return false }
                    index += 2
                } else if isLetterStart(byte) {
                    guard key.append(letter: byte) else { return false }
                    index += 1
                } else {
                    break
                }
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") { index += 1 }  // nov. févr. jeu.

            if key.length == 1 {
                if key.value == 1, key.hadAccent || !hasTime {
                    return !hasTime  // "à 10 h", or "a 10 h" typed without the accent
                }
                guard !key.hadAccent, hasTime, !hasZone, let offset = Word.militaryZone(bytes[start]) else {
                    return false
                }
                fields.offset = offset
                hasZone = true
                return true
            }
            switch Word.lookUp(key) {
            case .weekday:
                return day == nil && month == nil && !hasTime
            case .marOrMardi:
                if month == nil, !marchUnlessAnotherMonth, day == nil, !hasTime {
                    marchUnlessAnotherMonth = true
                    return true
                }
                guard month == nil else { return false }
                month = 3
                return true
            case .month(let number):
                guard month == nil else { return false }
                month = number
                return true
            case .zone(let offset):
                // "-0500 EST", as PHP's "O T" writes it: the name only labels the offset before it.
                if zoneWasNumeric {
                    zoneWasNumeric = false
                    return true
                }
                guard hasTime, !hasZone else { return false }
                fields.offset = offset
                hasZone = true
                // GMT+1, UTC-05:00: an offset written after the name.
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"),
                   nextIsDigit(after: index) {
                    guard let extra = readOffset() else { return false }
                    fields.offset += extra
                }
                return true
            case .connector:
                return !hasTime
            case nil:
                return false
            }
        }
    }
}
