#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Time spent in each stage, for `annotate --profile`.
public struct StageProfile: Sendable {
    public enum Stage: Int, CaseIterable, Sendable {
        case normalize, sentences, entities, quotes, writing

        public var name: String {
            switch self {
            case .normalize: return "normalize"
            case .sentences: return "sentences+tokens"
            case .entities: return "entities"
            case .quotes: return "quotes"
            case .writing: return "writing"
            }
        }
    }

    public private(set) var nanoseconds = [UInt64](repeating: 0, count: Stage.allCases.count)

    public init() {}

    @inline(__always)
    mutating func time(_ stage: Stage, _ body: () -> Void) {
        let start = Self.now()
        body()
        nanoseconds[stage.rawValue] &+= Self.now() &- start
    }

    public mutating func add(_ other: StageProfile) {
        for i in nanoseconds.indices { nanoseconds[i] &+= other.nanoseconds[i] }
    }

    public static func now() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }
}
