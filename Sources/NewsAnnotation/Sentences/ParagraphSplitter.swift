/// Paragraphs of the normalized text: runs of non-blank lines; a blank (or white-space-only) line ends one.
/// Each range is trimmed of surrounding white space.
public enum ParagraphSplitter {
    public static func paragraphs(_ text: UnsafeBufferPointer<UInt8>) -> [TextRange] {
        var result: [TextRange] = []
        var paragraphStart = -1  // first non-space byte of the open paragraph
        var lastContentEnd = 0
        var lineHasContent = false
        var i = 0
        let n = text.count
        while i < n {
            let c = text[i]
            if c == 0x0A {
                if !lineHasContent && paragraphStart >= 0 {
                    result.append(TextRange(paragraphStart, lastContentEnd))
                    paragraphStart = -1
                }
                lineHasContent = false
            } else if c != 0x20 && c != 0x09 {
                if paragraphStart < 0 { paragraphStart = i }
                lineHasContent = true
                lastContentEnd = i + 1
            }
            i += 1
        }
        if paragraphStart >= 0 { result.append(TextRange(paragraphStart, lastContentEnd)) }
        return result
    }
}
