/// Strict UTF-8 validation (no overlong forms, no encoded surrogates, nothing above U+10FFFF), with an ASCII fast path.
public enum UTF8Validation {
    /// The byte offset of the first invalid sequence, or nil when `bytes` is valid UTF-8.
    public static func firstInvalidOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = bytes.count
        guard let base = bytes.baseAddress else { return nil }
        var i = 0
        while i < n {
            // Sixteen, then eight ASCII bytes at a time.
            if i + 16 <= n {
                let low = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                let high = UnsafeRawPointer(base + i + 8).loadUnaligned(as: UInt64.self)
                if (low | high) & 0x8080_8080_8080_8080 == 0 {
                    i += 16
                    continue
                }
            }
            if i + 8 <= n {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                    continue
                }
            }
            let b0 = base[i]
            if b0 < 0x80 {
                i += 1
                continue
            }
            if b0 < 0xC2 { return i }
            if b0 < 0xE0 {
                guard i + 1 < n, base[i + 1] & 0xC0 == 0x80 else { return i }
                i += 2
                continue
            }
            if b0 < 0xF0 {
                guard i + 2 < n else { return i }
                let b1 = base[i + 1], b2 = base[i + 2]
                guard b1 & 0xC0 == 0x80, b2 & 0xC0 == 0x80 else { return i }
                if b0 == 0xE0 && b1 < 0xA0 { return i }  // overlong
                if b0 == 0xED && b1 >= 0xA0 { return i }  // surrogate
                i += 3
                continue
            }
            if b0 < 0xF5 {
                guard i + 3 < n else { return i }
                let b1 = base[i + 1], b2 = base[i + 2], b3 = base[i + 3]
                guard b1 & 0xC0 == 0x80, b2 & 0xC0 == 0x80, b3 & 0xC0 == 0x80 else { return i }
                if b0 == 0xF0 && b1 < 0x90 { return i }  // overlong
                if b0 == 0xF4 && b1 >= 0x90 { return i }  // above U+10FFFF
                i += 4
                continue
            }
            return i
        }
        return nil
    }

    public static func firstInvalidOffset(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { firstInvalidOffset($0) }
    }

    /// Whether `bytes[offset...]` is the beginning of one valid UTF-8 sequence that was cut off before its end: the
    /// signature of an input truncated inside a multi-byte character.
    public static func isCutSequence(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        guard offset < bytes.count else { return false }
        let lead = bytes[offset]
        let length: Int
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return false
        }
        let tail = bytes.count - offset
        guard tail < length else { return false }
        for k in 1..<tail {
            let b = bytes[offset + k]
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            if k == 1 {
                switch lead {
                case 0xE0: low = 0xA0
                case 0xED: high = 0x9F
                case 0xF0: low = 0x90
                case 0xF4: high = 0x8F
                default: break
                }
            }
            guard b >= low && b <= high else { return false }
        }
        return true
    }
}
