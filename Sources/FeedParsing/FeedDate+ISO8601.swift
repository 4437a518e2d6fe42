extension FeedDate {
    /// RFC 3339, ISO 8601 and W3C-DTF: `YYYY[-MM[-DD[(T| )hh:mm[:ss[.f…]][zone]]]]`, plus the basic
    /// `YYYYMMDD[Thhmm[ss]]` form. Zone: `Z`, `±hh:mm`, `±hhmm`, `±hh`, `UTC`/`GMT`, or none (UTC).
    struct ISO8601Reader {
        private let bytes: UnsafeBufferPointer<UInt8>
        private var index = 0

        init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        /// Text that starts with a year: 4 digits then `-`, `T` or the end, or 8 digits (basic form).
        static func accepts(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            var digits = 0
            while digits < bytes.count, FeedDate.isDigit(bytes[digits]) { digits += 1 }
            let next: UInt8? = digits < bytes.count ? bytes[digits] : nil
            switch digits {
            case 4: return next == nil || next == UInt8(ascii: "-")
            case 8: return next == nil || next == UInt8(ascii: "T") || next == UInt8(ascii: "t")
            default: return false
            }
        }

        mutating func read() -> CivilDateTime? {
            var fields = CivilDateTime()
            let basic = bytes.count >= 8 && (0..<8).allSatisfy { FeedDate.isDigit(bytes[$0]) }
            guard let year = digits(4) else { return nil }
            fields.year = year
            if atEnd { return fields }
            if !basic { guard take("-") else { return nil } }
            guard let month = digits(2) else { return nil }
            fields.month = month
            if atEnd { return fields }
            if !basic { guard take("-") else { return nil } }
            guard let day = digits(2) else { return nil }
            fields.day = day
            if atEnd { return fields }

            guard take("T") || take("t") || take(" ") else { return nil }
            guard let hour = digits(2) else { return nil }
            fields.hour = hour
            let colon = take(":")
            guard colon || basic, let minute = digits(2) else { return nil }
            fields.minute = minute
            if (colon && take(":")) || (!colon && peekDigit) {
                guard let second = digits(2) else { return nil }
                fields.second = second
                if take(".") || take(",") {
                    guard let fraction = FeedDate.fraction(in: bytes, at: &index) else { return nil }
                    fields.fraction = fraction
                }
            }
            skipSpaces()
            if atEnd { return fields }
            guard let offset = zone() else { return nil }
            fields.offset = offset
            skipSpaces()
            return atEnd ? fields : nil
        }

        private var atEnd: Bool { index >= bytes.count }
        private var peekDigit: Bool { !atEnd && FeedDate.isDigit(bytes[index]) }

        private mutating func take(_ character: Unicode.Scalar) -> Bool {
            guard !atEnd, bytes[index] == UInt8(ascii: character) else { return false }
            index += 1
            return true
        }

        private mutating func skipSpaces() {
            while !atEnd, bytes[index] == 0x20 { index += 1 }
        }

        private mutating func digits(_ count: Int) -> Int? {
            guard index + count <= bytes.count else { return nil }
            var value = 0
            for _ in 0..<count {
                let digit = bytes[index] &- 0x30
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
                index += 1
            }
            return value
        }

        private mutating func zone() -> Int? {
            if take("Z") || take("z") { return 0 }
            if !atEnd, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
                index += 1
                guard let hours = digits(2), hours < 24 else { return nil }
                var minutes = 0
                if take(":") || peekDigit {
                    guard let value = digits(2), value < 60 else { return nil }
                    minutes = value
                }
                return sign * (hours * 3_600 + minutes * 60)
            }
            // "2024-11-14 10:00:00 UTC", as some SQL-backed feeds write it.
            for name in ["UTC", "GMT", "UT"] where matches(name) {
                index += name.utf8.count
                return 0
            }
            return nil
        }

        private func matches(_ name: String) -> Bool {
            var position = index
            for expected in name.utf8 {
                guard position < bytes.count, bytes[position] | 0x20 == expected | 0x20 else { return false }
                position += 1
            }
            return true
        }
    }
}
