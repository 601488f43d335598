import Foundation
import Hummingbird
import NIOCore

/// The HTTP side of `folio preview` (Hummingbird, loopback only): `GET /` serves the session's
/// current page from memory, `GET /events` streams its Server-Sent Events.
public struct PreviewServer: Sendable {
    /// Preview listens on the loopback interface only: the page shows the notebook and its data.
    public static let host = "127.0.0.1"

    public let session: PreviewSession
    /// The port to bind, or 0 for one the system chooses.
    public let port: Int

    public init(session: PreviewSession, port: Int) {
        self.session = session
        self.port = port
    }

    /// Serves until the task is cancelled or the process ends; `onListening` gets the bound port.
    public func run(onListening: @escaping @Sendable (Int) -> Void) async throws {
        // Hummingbird logs at info level unless told otherwise; the terminal is for Folio's own lines.
        setenv("LOG_LEVEL", "warning", 0)
        let router = Router()
        let session = self.session
        router.get("/") { _, _ -> Response in
            Self.page(session.page)
        }
        router.get("/events") { _, _ -> Response in
            let stream = session.hub.subscribe(greeting: session.greeting)
            var headers = HTTPFields()
            headers[.contentType] = "text/event-stream; charset=utf-8"
            headers[.cacheControl] = "no-store"
            return Response(status: .ok, headers: headers, body: ResponseBody { writer in
                for await event in stream {
                    try await writer.write(ByteBuffer(string: event.encoded))
                }
                try await writer.finish(nil)
            })
        }
        let app = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(Self.host, port: port), serverName: "folio-preview"),
            onServerRunning: { channel in
                onListening(channel.localAddress?.port ?? 0)
            })
        try await app.runService(gracefulShutdownSignals: [])
    }

    /// Why the server could not start, in words: a port in use or reserved is said so plainly.
    public static func explain(_ error: any Error, port: Int) -> String {
        switch (error as? IOError)?.errnoCode {
        case EADDRINUSE:
            return "port \(port) is in use; choose another with --port, or leave --port out to get a free one"
        case EACCES:
            return "port \(port) is reserved for the system; choose one above 1023, or leave --port out to get a free one"
        default:
            return String(describing: error)
        }
    }

    private static func page(_ html: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }
}
