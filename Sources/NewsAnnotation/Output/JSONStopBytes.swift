/// Sixteen bytes at a time: whether any is a quote, a backslash or a C0 control, the bytes a JSON string writer must
/// escape and a reader must stop at. `SIMD16<UInt8>` compiles to three compares, two ors and a movemask (SSE2 or
/// NEON), about a third of the instructions of two `JSONBuffer.escapeMask` words; the exact position, when there is
/// one, comes from `escapeMask`.
enum JSONStopBytes {
    @inline(__always) static func load(_ p: UnsafePointer<UInt8>) -> SIMD16<UInt8> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD16<UInt8>.self)
    }

    @inline(__always) static func store(_ v: SIMD16<UInt8>, at p: UnsafeMutablePointer<UInt8>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD16<UInt8>.self)
    }

    @inline(__always) static func contains(_ v: SIMD16<UInt8>) -> Bool {
        let stops = (v .== SIMD16<UInt8>(repeating: 0x22)) .| (v .== SIMD16<UInt8>(repeating: 0x5C))
            .| (v .< SIMD16<UInt8>(repeating: 0x20))
        return any(stops)
    }

    /// Copies the eight bytes at `source` to `target` whole and returns how many of them come before the first stop
    /// byte, 8 when none is one: the writer and the reader keep that many and deal with the stop byte themselves.
    @inline(__always) static func copyWord(_ source: UnsafePointer<UInt8>, to target: UnsafeMutablePointer<UInt8>) -> Int {
        let word = UnsafeRawPointer(source).loadUnaligned(as: UInt64.self)
        UnsafeMutableRawPointer(target).storeBytes(of: word, as: UInt64.self)
        let mask = JSONBuffer.escapeMask(word)
        return mask == 0 ? 8 : mask.trailingZeroBitCount >> 3
    }

    /// Whether `c` is one of those bytes.
    @inline(__always) static func isStop(_ c: UInt8) -> Bool {
        c < 0x20 || c == 0x22 || c == 0x5C
    }
}
