import Dispatch

/// A value made on another thread while the caller does other work: start-up opens ICU's sentence breaker while it
/// builds the gazetteer. The value is handed over once, through `take()`, after the maker has finished.
public final class BackgroundValue<Value>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    // Written by the maker thread before `done` is signalled; read by `take()` after waiting on it.
    private var result: Result<Value, Error>?

    public init(_ make: @escaping @Sendable () throws -> Value) {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            result = Result { try make() }
            done.signal()
        }
    }

    /// Waits for the value and returns it (or rethrows what making it threw).
    public func take() throws -> Value {
        done.wait()
        return try result!.get()
    }
}
