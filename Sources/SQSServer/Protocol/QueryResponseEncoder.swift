import Primitives
import QueueStore

/// Renders results and errors as the Query protocol's XML, with SQS's flattened element names.
enum QueryResponseEncoder {
    static let namespace = "http://queue.amazonaws.com/doc/2012-11-05/"

    static func response(action: String, result: AWSValue?, requestId: String) -> String {
        var xml = #"<?xml version="1.0"?><\#(action)Response xmlns="\#(namespace)">"#
        if let result, case .map(let members) = result {
            xml += "<\(action)Result>"
            appendMembers(members, action: action, to: &xml)
            xml += "</\(action)Result>"
        }
        xml += "<ResponseMetadata><RequestId>\(requestId)</RequestId></ResponseMetadata></\(action)Response>"
        return xml
    }

    static func error(_ error: SQSError, requestId: String) -> String {
        #"<?xml version="1.0"?><ErrorResponse xmlns="\#(namespace)"><Error><Type>\#(error.isSenderFault ? "Sender" : "Receiver")</Type>"#
            + "<Code>\(XMLText.escape(error.queryCode))</Code><Message>\(XMLText.escape(error.queryMessage))</Message><Detail/></Error>"
            + "<RequestId>\(requestId)</RequestId></ErrorResponse>"
    }

    private static func appendMembers(_ members: [String: AWSValue], action: String, to xml: inout String) {
        for name in members.keys.sorted() {
            let value = members[name]!
            switch (name, value) {
            case ("Attributes", .map(let entries)), ("MessageAttributes", .map(let entries)), ("Tags", .map(let entries)):
                let element = name == "Tags" ? "Tag" : String(name.dropLast())
                let keyName = name == "Tags" ? "Key" : "Name"
                for key in entries.keys.sorted() {
                    xml += "<\(element)><\(keyName)>\(XMLText.escape(key))</\(keyName)>"
                    append(entries[key]!, as: "Value", action: action, to: &xml)
                    xml += "</\(element)>"
                }
            case (_, .list(let items)):
                let element = listElement(name, action: action)
                for item in items { append(item, as: element, action: action, to: &xml) }
            default:
                append(value, as: name, action: action, to: &xml)
            }
        }
    }

    private static func listElement(_ name: String, action: String) -> String {
        switch name {
        case "QueueUrls", "queueUrls": "QueueUrl"
        case "Messages": "Message"
        case "Successful": "\(action)ResultEntry"
        case "Failed": "BatchResultErrorEntry"
        case "Results": "\(action)ResultEntry"
        default: name
        }
    }

    private static func append(_ value: AWSValue, as element: String, action: String, to xml: inout String) {
        switch value {
        case .null: return
        case .string(let string): xml += "<\(element)>\(XMLText.escape(string))</\(element)>"
        case .integer(let number): xml += "<\(element)>\(number)</\(element)>"
        case .boolean(let flag): xml += "<\(element)>\(flag)</\(element)>"
        case .map(let members):
            xml += "<\(element)>"
            appendMembers(members, action: action, to: &xml)
            xml += "</\(element)>"
        case .list(let items):
            for item in items { append(item, as: element, action: action, to: &xml) }
        }
    }

}
