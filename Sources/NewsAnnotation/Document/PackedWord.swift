/// Up to 16 bytes of a token packed into two integers, little-endian and zero-padded, with a count: the key of the
/// per-worker word tables (`WordInterner`, `QuoteWordCache`). Such a table hashes two integers and compares three
/// where it hashed and compared bytes one at a time; nearly every token of news is 16 bytes or fewer.
struct PackedWord: Equatable {
    var lo: UInt64
    var hi: UInt64
    /// The byte count; a table may set flags above bit 8 to keep kinds of keys apart.
    var count: Int

    static let maxBytes = 16

    init(lo: UInt64, hi: UInt64, count: Int) {
        self.lo = lo
        self.hi = hi
        self.count = count
    }

    /// Bytes `start..<start + count` (`count` at most 16) of `buffer`: two loads where the buffer goes on far
    /// enough, byte by byte at its very end.
    @inline(__always) init(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) {
        self.init(lo: 0, hi: 0, count: count)
        if start &+ 16 <= buffer.count {
            let raw = UnsafeRawPointer(buffer.baseAddress! + start)
            let first = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
            if count >= 8 {
                lo = first
                let second = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
                hi = count == 16 ? second : second & ((1 &<< UInt64((count &- 8) &* 8)) &- 1)
            } else {
                lo = first & ((1 &<< UInt64(count &* 8)) &- 1)
            }
        } else {
            for k in 0..<count {
                let b = UInt64(buffer[start &+ k])
                if k < 8 { lo |= b &<< UInt64(8 &* k) } else { hi |= b &<< UInt64(8 &* (k &- 8)) }
            }
        }
    }

    /// Whether every byte is ASCII.
    @inline(__always) var isASCII: Bool { (lo | hi) & 0x8080_8080_8080_8080 == 0 }

    /// An ASCII word with A–Z folded to a–z.
    @inline(__always) var asciiLowercased: PackedWord {
        PackedWord(lo: Self.asciiLowercased(lo), hi: Self.asciiLowercased(hi), count: count)
    }

    /// ASCII bytes with A–Z folded to a–z, eight at a time: a byte's top bit says whether it is ≥ "A" and
    /// whether it is > "Z" once offsets are added (no byte carries into the next, all being below 0x80).
    @inline(__always) static func asciiLowercased(_ x: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let atLeastA = x &+ ones &* (0x80 - 0x41)
        let beyondZ = x &+ ones &* (0x80 - 0x5B)
        let upper = atLeastA & ~beyondZ & (ones &* 0x80)
        return x | (upper &>> 2)
    }

    /// Both halves and the count mixed by multiplication; the high bits folded into the low ones tables mask with.
    @inline(__always) var hash: Int {
        var h = (lo ^ (hi &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(bitPattern: Int64(count))) &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 32
        return Int(truncatingIfNeeded: h)
    }
}
