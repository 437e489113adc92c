#if canImport(Darwin)
import Darwin
#else
import Glibc
#endif

/// Paragraphs of the normalized text: runs of non-blank lines; a blank (or white-space-only) line ends one.
/// Each range is trimmed of surrounding white space.
public enum ParagraphSplitter {
    public static func paragraphs(_ text: UnsafeBufferPointer<UInt8>) -> [TextRange] {
        var result: [TextRange] = []
        guard let t = text.baseAddress else { return result }
        let n = text.count
        var paragraphStart = -1  // first non-space byte of the open paragraph
        var lastContentEnd = 0
        var i = 0
        // Line by line with memchr: only a line's two ends are looked at byte by byte.
        while i < n {
            let lineEnd = memchr(t + i, 0x0A, n - i).map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - t } ?? n
            var s = i
            while s < lineEnd, t[s] == 0x20 || t[s] == 0x09 { s += 1 }
            if s < lineEnd {
                if paragraphStart < 0 { paragraphStart = s }
                var e = lineEnd
                while t[e - 1] == 0x20 || t[e - 1] == 0x09 { e -= 1 }
                lastContentEnd = e
            } else if lineEnd < n && paragraphStart >= 0 {
                result.append(TextRange(paragraphStart, lastContentEnd))
                paragraphStart = -1
            }
            i = lineEnd + 1
        }
        if paragraphStart >= 0 { result.append(TextRange(paragraphStart, lastContentEnd)) }
        return result
    }
}
