import ArgumentParser
import Foundation
import VoiceCampaign
import VoiceMedia
import VoiceUpload

struct SendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Send a campaign (CSV: phone, text or audio, optional hook, dtmf, lang) exactly once per row, through a ledger.",
        discussion: """
        Media is prepared once per distinct content. Every row's state is kept in the ledger; running the \
        same command again sends only what was not sent. Rows whose outcome is unknown are never re-sent \
        unless --resend-unknown is given. Exit 0 when every row is sent, 1 when any is rejected, unknown, \
        pending or invalid, 2 for usage errors.
        """)

    @Argument(help: "Campaign CSV.") var csv: String
    @Option(name: .customLong("provider"), help: "alphasms or zvonobot.") var providerName = "alphasms"
    @OptionGroup var provider: ProviderOptions
    @Option(help: "Ledger database.") var ledger = ".voiceprep/ledger.sqlite"
    @Option(help: "Campaign name (default: the CSV's file name).") var campaign: String?
    @Option(name: .shortAndLong, help: "Requests in flight.") var jobs = 4
    @Option(help: "Requests per second at most.") var rps = 20.0
    @Option(help: "Status webhook URL for rows without a hook column (e.g. the one `voiceprep webhook` prints).") var hook: String?
    @Option(name: .customLong("price-per-call"), help: "Estimated price of one call, for the balance check.") var pricePerCall = 0.40
    @Option(help: "Only this shard of the rows, i/n (by a stable hash of the phone).") var shard: String?
    @Flag(name: .customLong("resend-unknown"), help: "Also send rows whose earlier outcome is unknown (check the provider first).") var resendUnknown = false
    @Flag(name: .customLong("skip-balance-check"), help: "Start even if the balance looks too low.") var skipBalanceCheck = false
    @Flag(name: .customLong("dry-run"), help: "Prepare and validate everything, send nothing.") var dryRun = false
    @Flag(help: "One JSON object per row, then a summary object.") var json = false
    @OptionGroup var text: TextOptions
    @OptionGroup var voice: VoiceFlags

    func run() async throws {
        guard ["alphasms", "zvonobot"].contains(providerName) else { throw UsageError("--provider \(providerName): expected alphasms or zvonobot") }
        var shardSpec: (index: Int, count: Int)?
        if let shard {
            guard let s = Shard.parse(shard) else { throw UsageError("--shard \(shard): expected i/n with 1 ≤ i ≤ n, e.g. 2/4") }
            shardSpec = s
        }
        let profile: Profile = providerName == "alphasms" ? .alphasmsVoice : .zvonobotRecord
        let sender: any CallSender = providerName == "alphasms"
            ? AlphaSMSSender(client: try provider.alphaSMS())
            : ZvonobotSender(client: try provider.zvonobot(), price: pricePerCall)
        let store: Ledger
        do { store = try Ledger(path: ledger) } catch { throw UsageError("\(error)") }
        let name = campaign ?? ((csv as NSString).lastPathComponent as NSString).deletingPathExtension
        let (rows, problems) = try CampaignInput.read(csv, shard: shardSpec)
        for p in problems { Terminal.error("\(csv): \(p)") }

        // Prepare each distinct content once.
        let mediaDir = ((ledger as NSString).deletingLastPathComponent as NSString).appendingPathComponent("media")
        var hashes: [CampaignRow.Content: String] = [:]
        for row in rows where hashes[row.content] == nil {
            hashes[row.content] = try CampaignInput.hash(row.content, profile: profile, voice: voice.options, defaultLang: text.defaultLang)
        }
        let distinct = Array(hashes)
        let bar = ProgressBar(total: distinct.count, label: "preparing")
        let text = self.text, voiceOptions = voice.options
        let prepared = await boundedMap(distinct, width: ProcessInfo.processInfo.activeProcessorCount) { content, hash -> (String, Result<String, Error>) in
            defer { bar.advance(String(hash.prefix(8))) }
            do { return (hash, .success(try await CampaignInput.prepare(content, hash: hash, dir: mediaDir, profile: profile, voice: voiceOptions, text: text))) } catch {
                return (hash, .failure(error))
            }
        }
        bar.finish()
        var files: [String: String] = [:]
        var failedMedia = 0
        for (hash, result) in prepared {
            switch result {
            case let .success(f): files[hash] = f
            case let .failure(e):
                failedMedia += 1
                Terminal.error("cannot prepare media \(hash.prefix(12)): \(e)")
            }
        }
        var items: [CampaignItem] = []
        for row in rows {
            guard let hash = hashes[row.content], let file = files[hash] else {
                Terminal.error("\(csv): line \(row.line): skipped, its media could not be prepared")
                continue
            }
            items.append(CampaignItem(line: row.line, phone: row.phone, contentHash: hash, mediaFile: file, hook: row.hook ?? hook, dtmf: row.dtmf))
        }

        let options = SendOptions(campaign: name, concurrency: jobs, requestsPerSecond: rps, resendUnknown: resendUnknown, dryRun: dryRun,
                                  checkBalance: !skipBalanceCheck, pricePerCall: pricePerCall)
        let sendBar = ProgressBar(total: items.count, label: dryRun ? "checking" : "sending")
        let json = self.json
        let summary: SendSummary
        do {
            summary = try await CampaignSender(ledger: store, sender: sender, options: options).run(items) { outcome in
                sendBar.advance(outcome.phone)
                if json { Terminal.json(outcome) }
            }
        } catch let e as CampaignError {
            sendBar.finish()
            Terminal.error(e.description)
            throw ExitCode(1)
        }
        sendBar.finish()
        if json {
            Terminal.json(summary)
        } else {
            let cost = String(format: "%.2f", summary.cost)
            print("\(dryRun ? "Dry run of" : "Campaign") \(name): \(summary.rows) rows — sent \(summary.sent) (\(summary.sentNow) now), rejected \(summary.rejected), unknown \(summary.unknown), pending \(summary.pending); cost \(cost)")
            if summary.unknown > 0 { print("Unknown rows may have reached the provider: see `voiceprep report --ledger \(ledger)`; re-send only with --resend-unknown.") }
            if !problems.isEmpty || failedMedia > 0 { print("\(problems.count) invalid rows, \(failedMedia) media failures (see above).") }
        }
        let clean = summary.rejected == 0 && summary.unknown == 0 && (dryRun || summary.pending == 0) && problems.isEmpty && failedMedia == 0
        if !clean { throw ExitCode(1) }
    }
}
