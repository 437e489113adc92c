/// The three entity types of the annotation guide.
public enum EntityType: UInt8, Sendable, CaseIterable {
    case person, place, org

    public var label: String {
        switch self {
        case .person: return "PERSON"
        case .place: return "PLACE"
        case .org: return "ORG"
        }
    }

    public init?(label: some StringProtocol) {
        switch label {
        case "PERSON": self = .person
        case "PLACE": self = .place
        case "ORG": self = .org
        default: return nil
        }
    }
}
