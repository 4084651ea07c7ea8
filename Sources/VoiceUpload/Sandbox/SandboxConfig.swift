import VoiceMedia

/// How the sandbox provider behaves, including the faults it injects.
public struct SandboxConfig: Sendable {
    /// The key both providers accept. The documented demo default is `sandbox-key`.
    public var key: String
    /// Keys that reach an account in a refused state, with the error they get.
    public var refusedKeys: [String: String]
    public var balance: Double
    /// Price of one call (both providers); every accepted call is charged once.
    public var price: Double
    public var currency: String
    /// Uploaded files are checked with these, as the providers would.
    public var alphaProfile: Profile
    public var recordProfile: Profile
    /// New records need moderation: calls using them are accepted but never start
    /// until `POST /_sandbox/records/{id}/approve`.
    public var moderation: Bool
    /// Added before every answer.
    public var latencyMs: Int
    /// Share of requests answered with an HTML 500 page, before any processing (never charged).
    public var failRate: Double
    /// Share of requests whose connection is closed before any processing (never charged).
    public var dropRate: Double
    /// Share of requests processed (and charged) whose connection is then closed before
    /// the answer: the "may have reached the provider" case.
    public var lostReplyRate: Double
    /// Share of requests answered 503 with `Retry-After` (never charged).
    public var busyRate: Double
    public var retryAfterSeconds: Int
    /// Pause between 16-byte pieces of every answer body.
    public var slowBodyMs: Int
    /// How long after a call its webhook is posted (and its status becomes final).
    public var webhookDelayMs: Int
    /// Seed of the fault draws: the same seed and request order give the same faults.
    public var seed: UInt64

    public static let defaultKey = "sandbox-key"
    public static let defaultRefusedKeys = ["sandbox-banned": "Banned", "sandbox-disabled": "API disabled", "sandbox-ip-denied": "IP denied"]

    public init(key: String = defaultKey, refusedKeys: [String: String] = defaultRefusedKeys, balance: Double = 1000, price: Double = 0.40,
                currency: String = "UAH", alphaProfile: Profile = .alphasmsVoice, recordProfile: Profile = .zvonobotRecord,
                moderation: Bool = false, latencyMs: Int = 0, failRate: Double = 0, dropRate: Double = 0, lostReplyRate: Double = 0,
                busyRate: Double = 0, retryAfterSeconds: Int = 1, slowBodyMs: Int = 0, webhookDelayMs: Int = 200, seed: UInt64 = 1) {
        self.key = key
        self.refusedKeys = refusedKeys
        self.balance = balance
        self.price = price
        self.currency = currency
        self.alphaProfile = alphaProfile
        self.recordProfile = recordProfile
        self.moderation = moderation
        self.latencyMs = latencyMs
        self.failRate = failRate
        self.dropRate = dropRate
        self.lostReplyRate = lostReplyRate
        self.busyRate = busyRate
        self.retryAfterSeconds = retryAfterSeconds
        self.slowBodyMs = slowBodyMs
        self.webhookDelayMs = webhookDelayMs
        self.seed = seed
    }
}
