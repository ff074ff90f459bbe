using System.Text.Json.Nodes;
using Baton.Definitions;

namespace Baton.Core.Tests.Definitions;

/// <summary>A custom kind's configuration is checked against its schema even where it holds templates: a template matches any value, the rest is checked where it is.</summary>
public sealed class CustomConfigTemplateTests
{
    private static CompilationResult Compile(string steps) => Fixtures.Compile("name: w\nsteps:\n" + steps, AiKindSchemas.Options);

    private static IEnumerable<string> Messages(CompilationResult result) => result.Diagnostics.Select(d => d.ToString());

    [Fact]
    public void Compile_UnknownKeyBesideTemplates_ReportedAtTheKey()
    {
        var result = Compile("  - id: a\n    llm:\n      model: '${{ inputs.m }}'\n      prompt: 'Hi ${{ inputs.name }}'\n      temprature: 0.2\n");

        Messages(result).Should().Equal("w.yaml:7:7: error BATON062: 'temprature' is not an allowed property (the 'llm' step's configuration schema).");
    }

    [Fact]
    public void Compile_UnknownKeyWhoseValueIsATemplate_StillReported()
    {
        var result = Compile("  - id: a\n    llm: { model: m, prompt: p, tone: '${{ inputs.tone }}' }\n");

        Messages(result).Should().Equal("w.yaml:4:33: error BATON062: 'tone' is not an allowed property (the 'llm' step's configuration schema).");
    }

    [Fact]
    public void Compile_MissingRequiredKeyBesideTemplates_Reported()
    {
        var result = Compile("  - id: a\n    llm: { prompt: '${{ inputs.p }}' }\n");

        Messages(result).Should().Equal("w.yaml:4:10: error BATON062: 'model' is required (the 'llm' step's configuration schema).");
    }

    [Theory]
    [InlineData("max-tokens: '${{ inputs.limit }}'")]
    [InlineData("temperature: '${{ inputs.t }}'")]
    [InlineData("output-schema: '${{ vars.schema }}'")]
    [InlineData("choices: '${{ inputs.labels }}'")]
    [InlineData("choices: [a, '${{ inputs.other }}']")]
    public void Compile_TemplateWhereAnotherTypeIsRequired_Accepted(string field)
    {
        var result = Compile($"  - id: a\n    llm: {{ model: m, prompt: p, {field} }}\n");

        result.Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void Compile_WholeConfigurationIsATemplate_Accepted()
    {
        Compile("  - id: a\n    llm: '${{ vars.config }}'\n").Diagnostics.Should().BeEmpty();
    }

    [Theory]
    [InlineData("max-tokens: '800'", "4:61: error BATON062: 'max-tokens' must be an integer, not a string")]
    [InlineData("max-tokens: 0", "4:61: error BATON062: 'max-tokens' must be at least 1")]
    [InlineData("temperature: true", "4:62: error BATON062: 'temperature' must be a number, not a boolean")]
    [InlineData("choices: [a]", "4:58: error BATON062: 'choices' must have at least 2 items")]
    [InlineData("choices: [a, 2]", "4:62: error BATON062: 'choices[1]' must be a string, not a number")]
    public void Compile_LiteralOfTheWrongTypeBesideTemplates_ReportedWhereItIs(string field, string expected)
    {
        var result = Compile($"  - id: a\n    llm: {{ model: '${{{{ inputs.m }}}}', prompt: p, {field} }}\n");

        result.Diagnostics.Should().ContainSingle().Which.ToString().Should().StartWith("w.yaml:" + expected);
    }

    [Fact]
    public void Compile_TemplateInsideAnAlternative_MatchesThatAlternative()
    {
        var result = Compile("  - id: a\n    agent:\n      model: m\n      goal: g\n      tools:\n        - { name: '${{ inputs.tool }}', http: { url: 'https://x' } }\n        - { name: r, workflow: { path: '${{ inputs.flow }}' } }\n");

        result.Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void Compile_AlternativeBrokenByALiteral_Reported()
    {
        var result = Compile("  - id: a\n    agent:\n      model: m\n      goal: g\n      tools:\n        - { name: '${{ inputs.tool }}', http: { url: 'https://x' }, colour: red }\n");

        Messages(result).Should().Equal("w.yaml:8:11: error BATON062: 'tools[0]' must match exactly one of the allowed forms (the 'agent' step's configuration schema).");
    }

    [Fact]
    public void Compile_OneOfMatchedByTwoLiteralForms_StillReported()
    {
        var schema = JsonNode.Parse("""{ "type": "object", "properties": { "n": { "oneOf": [ { "type": "number" }, { "type": "integer" } ] }, "t": { "type": "string" } } }""")!.AsObject();
        var options = new WorkflowCompilerOptions { CustomKinds = new Dictionary<string, JsonObject?> { ["calc"] = schema } };

        var result = Fixtures.Compile("name: w\nsteps:\n  - id: a\n    calc: { n: 1, t: '${{ inputs.t }}' }\n", options);

        result.Heads().Should().Equal("w.yaml:4:16: error BATON062");
    }

    [Fact]
    public void Compile_EnumOfObjectsHoldingATemplate_Accepted()
    {
        var schema = JsonNode.Parse("""{ "type": "object", "properties": { "mode": { "enum": [ { "kind": "a" }, { "kind": "b" } ] } } }""")!.AsObject();
        var options = new WorkflowCompilerOptions { CustomKinds = new Dictionary<string, JsonObject?> { ["pick"] = schema } };

        Fixtures.Compile("name: w\nsteps:\n  - id: a\n    pick: { mode: { kind: '${{ inputs.k }}' } }\n", options).Diagnostics.Should().BeEmpty();
        Fixtures.Compile("name: w\nsteps:\n  - id: a\n    pick: { mode: { kind: c } }\n", options).Heads().Should().Equal("w.yaml:4:19: error BATON062");
    }
}
