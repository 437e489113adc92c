import NewsAnnotation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// gazetteer-image [DIR]: builds the gazetteer from DIR/entities.tsv and DIR/lexicon.tsv (default Gazetteers/compiled)
// and writes its image to DIR/gazetteer.bin, which the next build embeds (`make gazetteers` runs this).

func fail(_ message: String) -> Never {
    let line = Array("gazetteer-image: \(message)\n".utf8)
    _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    exit(1)
}

let arguments = CommandLine.arguments.dropFirst()
guard arguments.count <= 1, arguments.first?.hasPrefix("-") != true else { fail("usage: gazetteer-image [DIR]") }
let directory = arguments.first ?? "Gazetteers/compiled"
guard let entities = FileBytes.read(directory + "/entities.tsv"),
      let lexicon = FileBytes.read(directory + "/lexicon.tsv") else {
    fail("cannot read \(directory)/entities.tsv and lexicon.tsv")
}
let image: [UInt8]
do {
    image = try GazetteerImageWriter.image(entities: entities, lexicon: lexicon)
} catch {
    fail("\(error)")
}
// Written beside, then renamed: an interrupted run never leaves half an image to embed.
let path = directory + "/gazetteer.bin"
guard let file = fopen(path + ".tmp", "wb") else { fail("cannot write \(path).tmp") }
let written = image.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
guard written == image.count, fclose(file) == 0, rename(path + ".tmp", path) == 0 else { fail("cannot write \(path)") }
print("gazetteer-image: \(image.count) bytes → \(path)")
