// swift-tools-version:6.0
import PackageDescription

// Data flows one way: voiceprep (CLI) → VoiceSynth → VoiceMedia → C system libraries.
// Each pipeline stage is its own module so the tree reads like the pipeline.
let package = Package(
    name: "VoicePrep",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "voiceprep", targets: ["voiceprep"]),
        .library(name: "VoiceMedia", targets: ["VoiceMedia"]),
        .library(name: "VoiceSynth", targets: ["VoiceSynth"]),
        .library(name: "VoiceText", targets: ["VoiceText"]),
        .library(name: "VoiceUpload", targets: ["VoiceUpload"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.20.0"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.5.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.65.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(name: "CSndFile", pkgConfig: "sndfile", providers: [.apt(["libsndfile1-dev"])]),
        .systemLibrary(name: "CSoxr", pkgConfig: "soxr", providers: [.apt(["libsoxr-dev"])]),
        .systemLibrary(name: "CEbur128", pkgConfig: "libebur128", providers: [.apt(["libebur128-dev"])]),
        .systemLibrary(name: "CEspeakNG", pkgConfig: "espeak-ng", providers: [.apt(["libespeak-ng-dev"])]),
        .target(name: "VoiceMedia", dependencies: ["CSndFile", "CSoxr", "CEbur128"]),
        .target(name: "VoiceText"),
        .target(name: "VoiceSynth", dependencies: ["CEspeakNG", "VoiceMedia", "VoiceText"]),
        .target(name: "VoiceUpload", dependencies: [
            "VoiceMedia",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "MultipartKit", package: "multipart-kit"),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "VoiceCampaign", dependencies: [
            "VoiceUpload",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .executableTarget(
            name: "voiceprep",
            dependencies: [
                "VoiceMedia",
                "VoiceSynth",
                "VoiceText",
                "VoiceCampaign",
                "VoiceUpload",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "VoiceMediaTests", dependencies: ["VoiceMedia", "CSndFile", "CEbur128"]),
        .testTarget(name: "VoiceTextTests", dependencies: ["VoiceText"]),
        .testTarget(name: "VoiceSynthTests", dependencies: ["VoiceSynth", "VoiceMedia", "CSndFile"]),
        .testTarget(name: "VoiceUploadTests", dependencies: [
            "VoiceUpload", "VoiceMedia",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "MultipartKit", package: "multipart-kit"),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "VoiceCampaignTests", dependencies: [
            "VoiceCampaign",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
        .testTarget(name: "CLITests", dependencies: ["voiceprep", "VoiceMedia"]),
    ],
    swiftLanguageModes: [.v6]
)
