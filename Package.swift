// swift-tools-version:6.0
import PackageDescription

// Data flows one way: voiceprep (CLI) → VoiceMedia → C system libraries.
// Each pipeline stage is its own module so the tree reads like the pipeline.
let package = Package(
    name: "VoicePrep",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "voiceprep", targets: ["voiceprep"]),
        .library(name: "VoiceMedia", targets: ["VoiceMedia"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(name: "CSndFile", pkgConfig: "sndfile", providers: [.apt(["libsndfile1-dev"])]),
        .systemLibrary(name: "CSoxr", pkgConfig: "soxr", providers: [.apt(["libsoxr-dev"])]),
        .systemLibrary(name: "CEbur128", pkgConfig: "libebur128", providers: [.apt(["libebur128-dev"])]),
        .target(name: "VoiceMedia", dependencies: ["CSndFile", "CSoxr", "CEbur128"]),
        .executableTarget(
            name: "voiceprep",
            dependencies: [
                "VoiceMedia",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "VoiceMediaTests", dependencies: ["VoiceMedia", "CSndFile"]),
        .testTarget(name: "CLITests", dependencies: ["voiceprep", "VoiceMedia"]),
    ],
    swiftLanguageModes: [.v6]
)
