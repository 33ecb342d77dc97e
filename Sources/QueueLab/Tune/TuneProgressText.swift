import Primitives

/// The line `queuelab tune` shows while it runs. Pure.
public enum TuneProgressText {
    public static func line(_ progress: TuneRun.Progress) -> String {
        var line = "run \(progress.run) of \(progress.runs): \(progress.configuration.label)"
        if progress.repeatIndex > 1 { line += " (repeat \(progress.repeatIndex))" }
        line += ", \(SyncProgressText.seconds(progress.elapsed.fractionalSeconds)) elapsed"
        if let remaining = progress.remaining { line += ", about \(SyncProgressText.seconds(remaining.fractionalSeconds)) left" }
        return line
    }
}
