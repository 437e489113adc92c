/// Eight bytes of text classified at once (SWAR): a mask per class, with bit 7 of each byte set when that byte is
/// of the class. Words of news text are mostly shorter than eight bytes, so one load usually classifies a whole word,
/// where a byte-at-a-time table loop paid about ten instructions a byte.
struct WordChunk {
    static let high: UInt64 = 0x8080_8080_8080_8080
    static let ones: UInt64 = 0x0101_0101_0101_0101

    /// ASCII letters and digits: the bytes a word's ASCII run is made of.
    let word: UInt64
    /// ASCII letters.
    let letter: UInt64
    /// ASCII upper-case letters; the other letters are lower-case.
    let upper: UInt64

    /// `x` holds the bytes in text order from its lowest byte up.
    @inline(__always)
    init(_ x: UInt64) {
        // Bit 7 of each sum says whether the byte reached the bound. An ASCII byte's sums do not carry into the next
        // byte; a byte from 0x80 up (part of a non-ASCII scalar) gets no class when no carry comes into it, as none
        // does into the first such byte, and the bytes after it are past the word's end, which is all that is read.
        let folded = x | 0x20 &* Self.ones
        let letter = (folded &+ 0x1F &* Self.ones) & ~(folded &+ 0x05 &* Self.ones) & Self.high  // 0x61...0x7A
        let digit = (x &+ 0x50 &* Self.ones) & ~(x &+ 0x46 &* Self.ones) & Self.high  // 0x30...0x39
        self.word = letter | digit
        self.letter = letter
        // Bit 5 (0x20) tells the cases apart; shifted to bit 7 of the same byte.
        self.upper = letter & ~(x << 2)
    }

    /// The eight bytes from `j`, or the bytes up to `n` followed by zeros, which are no word bytes.
    @inline(__always)
    static func load(_ t: UnsafePointer<UInt8>, _ j: Int, _ n: Int) -> UInt64 {
        if j &+ 8 <= n { return UInt64(littleEndian: UnsafeRawPointer(t + j).loadUnaligned(as: UInt64.self)) }
        return loadTail(t, j, n)
    }

    @inline(never)
    static func loadTail(_ t: UnsafePointer<UInt8>, _ j: Int, _ n: Int) -> UInt64 {
        var x: UInt64 = 0
        for k in 0..<(n - j) { x |= UInt64(t[j + k]) << (8 * k) }
        return x
    }
}
