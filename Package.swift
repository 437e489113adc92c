// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "NewsAnnotation",
    products: [
        .library(name: "NewsAnnotation", targets: ["NewsAnnotation"]),
        .executable(name: "annotate", targets: ["annotate"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
    ],
    targets: [
        // The only target that sees <unicode/…>; its header speaks plain C types.
        .target(
            name: "CICU",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n")]
        ),
        // Gazetteer tables embedded in the binary at build time (#embed), so start-up parses no files.
        .target(name: "CGazetteerData"),
        .target(
            name: "NewsAnnotation",
            dependencies: ["CICU", "CGazetteerData"]
        ),
        .executableTarget(
            name: "annotate",
            dependencies: [
                "NewsAnnotation",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Writes Gazetteers/compiled/gazetteer.bin, the precompiled gazetteer (`make gazetteers`).
        .executableTarget(name: "gazetteer-image", dependencies: ["NewsAnnotation"]),
        // libFuzzer targets (docs/fuzzing.md). Built with -sanitize=fuzzer,address -DFUZZING by `make fuzz`; a normal
        // build gives replay tools that run the same checks on saved inputs. CLibFuzzer only declares libFuzzer's driver.
        .target(name: "CLibFuzzer"),
        .target(name: "AnnotateFuzzSupport", dependencies: ["NewsAnnotation", "CLibFuzzer"]),
        .executableTarget(name: "annotate-fuzz-text", dependencies: ["AnnotateFuzzSupport"]),
        .executableTarget(name: "annotate-fuzz-jsonl", dependencies: ["AnnotateFuzzSupport"]),
        .testTarget(
            name: "NewsAnnotationTests",
            dependencies: [
                "NewsAnnotation",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            resources: [.copy("Fixtures")]
        ),
    ]
)
