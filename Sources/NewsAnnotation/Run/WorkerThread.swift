#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A plain POSIX thread that runs one closure and can be joined. The workers block on a lock while they wait for
/// work, which a Dispatch queue would answer by starting yet more threads.
struct WorkerThread {
    private let handle: pthread_t

    /// Starts `body` on a new thread; nil when the system refuses one.
    static func start(_ body: @escaping () -> Void) -> WorkerThread? {
        let box = Unmanaged.passRetained(Body(body)).toOpaque()
        var handle = pthread_t()
        let status = pthread_create(&handle, nil, { raw in
            Unmanaged<Body>.fromOpaque(raw!).takeRetainedValue().run()
            return nil
        }, box)
        guard status == 0 else {
            Unmanaged<Body>.fromOpaque(box).release()
            return nil
        }
        return WorkerThread(handle: handle)
    }

    private init(handle: pthread_t) {
        self.handle = handle
    }

    func join() {
        pthread_join(handle, nil)
    }

    // Handed to the new thread, which alone runs it.
    private final class Body: @unchecked Sendable {
        let run: () -> Void
        init(_ run: @escaping () -> Void) { self.run = run }
    }
}
