import ArgumentParser

@main
struct QueueLabCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queuelab",
        abstract: "Runs Lambda-style queue workers against SQS queues kept in one SQLite file.",
        subcommands: [
            StartCommand.self,
            SyncCommand.self,
            TuneCommand.self,
            QueuesCommand.self,
            ReportCommand.self,
            PackageCommand.self,
            DLQCommand.self,
            ExampleCommand.self,
            GenerateCommand.self,
            CRMCommand.self,
            BenchCommand.self,
        ]
    )
}
