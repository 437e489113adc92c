/// `OffsetMap.start` and `OffsetMap.end` for a run of look-ups, remembering where the last one landed.
///
/// The writer asks for span boundaries mostly in increasing order, so the answer is usually the anchor it stopped at
/// or a few after it: a short gallop instead of a binary search over every anchor per boundary (which was about 95
/// instructions a look-up). Quote speakers and cues go backwards; it gallops backwards then. Every answer is the
/// partition point of the same predicate the binary search used, so any order gives exactly its answer.
struct OffsetCursor {
    private let anchors: UnsafeBufferPointer<OffsetMap.Anchor>
    private var hint = 0

    /// `anchors` must outlive the cursor and be in non-decreasing normalized order, as `OffsetMap` keeps them.
    init(_ anchors: UnsafeBufferPointer<OffsetMap.Anchor>) {
        self.anchors = anchors
    }

    /// The original position where a span starting at normalized offset `offset` starts: from the last anchor at or
    /// before it (the last of several at one offset, after a deletion).
    @inline(__always) mutating func start(_ offset: Int) -> OffsetMap.Position {
        let after = partition(offset, inclusive: true)
        return linear(offset, from: after)
    }

    /// The original position where a span ending (exclusively) at normalized offset `offset` ends: an anchor exactly
    /// there (the first of several), else linear from the one before.
    @inline(__always) mutating func end(_ offset: Int) -> OffsetMap.Position {
        let first = partition(offset, inclusive: false)
        if first < anchors.count, Int(anchors[first].normalized) == offset {
            let a = anchors[first]
            return OffsetMap.Position(scalar: Int(a.originalScalar), byte: Int(a.originalByte))
        }
        return linear(offset, from: first)
    }

    @inline(__always) private func linear(_ offset: Int, from after: Int) -> OffsetMap.Position {
        guard after > 0 else { return OffsetMap.Position(scalar: offset, byte: offset) }
        let a = anchors[after - 1]
        let delta = offset - Int(a.normalized)
        return OffsetMap.Position(scalar: Int(a.originalScalar) + delta, byte: Int(a.originalByte) + delta)
    }

    /// The number of anchors before `offset` (`inclusive`: at or before it), found from the hint: a few single steps
    /// (the next span usually starts within a few anchors), then galloping (steps of 1, 2, 4, … away) and a binary
    /// search of the last step, for spans many anchors apart in a text full of curly quotes and dashes.
    @inline(__always) private mutating func partition(_ offset: Int, inclusive: Bool) -> Int {
        let n = anchors.count
        guard n > 0 else { return 0 }
        @inline(__always) func before(_ i: Int) -> Bool {
            let normalized = Int(anchors[i].normalized)
            return inclusive ? normalized <= offset : normalized < offset
        }
        // The answer is in lo...hi.
        var lo: Int, hi: Int
        if hint < n && before(hint) {
            var i = hint + 1
            let stop = min(n, hint + 8)
            while i < stop && before(i) { i += 1 }
            if i < stop || i == n {
                hint = i
                return i
            }
            // before(i - 1) holds.
            let from = i - 1
            lo = i
            var step = 2
            while true {
                let probe = from + step
                if probe >= n {
                    hi = n
                    break
                }
                if !before(probe) {
                    hi = probe
                    break
                }
                lo = probe + 1
                step &<<= 1
            }
        } else {
            if hint == 0 || before(hint - 1) { return hint }
            // before(hint - 1) fails.
            let from = hint - 1
            hi = from
            var step = 1
            while true {
                let probe = from - step
                if probe < 0 {
                    lo = 0
                    break
                }
                if before(probe) {
                    lo = probe + 1
                    break
                }
                hi = probe
                step &<<= 1
            }
        }
        while lo < hi {
            let mid = (lo + hi) >> 1
            if before(mid) { lo = mid + 1 } else { hi = mid }
        }
        hint = lo
        return lo
    }
}
