import VoiceMedia

/// How the sandbox behaves, including the faults it injects.
public struct SandboxConfig: Sendable {
    public var key: String
    public var balance: Double
    public var price: Double
    public var alphaProfile: Profile
    public var recordProfile: Profile
    /// Records created need moderation (calls with them are accepted but never start).
    public var moderation: Bool
    public var latencyMs: Int
    /// Share of requests answered with HTTP 500 before anything is processed.
    public var failRate: Double
    /// Share of requests whose connection is dropped after the request is read, before processing.
    public var dropRate: Double
    /// Delay between small chunks of every response body.
    public var slowBodyMs: Int
    public var webhookDelayMs: Int
    public var seed: UInt64

    public static let defaultKey = "sandbox-key"

    public init(key: String = defaultKey, balance: Double = 1000, price: Double = 0.40, alphaProfile: Profile = .alphasmsVoice,
                recordProfile: Profile = .zvonobotRecord, moderation: Bool = false, latencyMs: Int = 0, failRate: Double = 0,
                dropRate: Double = 0, slowBodyMs: Int = 0, webhookDelayMs: Int = 100, seed: UInt64 = 1) {
        self.key = key
        self.balance = balance
        self.price = price
        self.alphaProfile = alphaProfile
        self.recordProfile = recordProfile
        self.moderation = moderation
        self.latencyMs = latencyMs
        self.failRate = failRate
        self.dropRate = dropRate
        self.slowBodyMs = slowBodyMs
        self.webhookDelayMs = webhookDelayMs
        self.seed = seed
    }
}
