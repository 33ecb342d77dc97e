import Foundation
import Testing
import Yams

@testable import IntegrationManifest
import StrictJSON

struct YAMLRenderingTests {
    private let generator = ManifestGenerator(root: PackageRoot.url)

    @Test(arguments: [nil, "pipedrive", "zoho-crm", "attio", "axiscare", "scaling-test"])
    func yamlParsesBackToTheJSONStructure(integration: String?) throws {
        let yaml = try generator.generate(format: .yaml, integration: integration).text
        let json = try generator.generate(format: .json, integration: integration).text
        let fromYAML = try YAMLDecoder().decode(JSONValue.self, from: yaml)
        let fromJSON = try JSONDecoder().decode(JSONValue.self, from: Data(json.utf8))
        #expect(fromYAML == fromJSON)
        #expect(try YAMLDecoder().decode(ServerlessManifest.self, from: yaml)
            == JSONDecoder().decode(ServerlessManifest.self, from: Data(json.utf8)))
    }

    @Test func quotesStringsThatWouldReadAsNumbers() throws {
        let yaml = try generator.generate(format: .yaml, integration: "attio").text
        #expect(yaml.hasPrefix("frameworkVersion: '3'\n"))
    }
}
