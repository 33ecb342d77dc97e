// The loopback server every client talks to: prints "listening on PORT", serves until killed.
try await RecordServer.run()
