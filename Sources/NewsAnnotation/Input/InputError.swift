/// A problem with the input as a whole (not with one document): the run cannot start.
public struct InputError: Error, CustomStringConvertible, Sendable {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
