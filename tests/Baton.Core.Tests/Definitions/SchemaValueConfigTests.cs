using System.Text.Json.Nodes;
using Baton.Definitions;

namespace Baton.Core.Tests.Definitions;

/// <summary>A configuration value that the kind marks as a schema (<c>x-baton-schema</c>) is checked like the inputs schema, where it is written.</summary>
public sealed class SchemaValueConfigTests
{
    private static readonly WorkflowCompilerOptions Options = new()
    {
        CustomKinds = new Dictionary<string, JsonObject?>
        {
            ["shape"] = JsonNode.Parse("""
                {
                  "type": "object",
                  "properties": {
                    "answer": { "type": "object", "x-baton-schema": true },
                    "nested": { "$ref": "#/$defs/holder" }
                  },
                  "$defs": { "holder": { "type": "object", "properties": { "schema": { "x-baton-schema": true } } } }
                }
                """)!.AsObject(),
        },
    };

    [Theory]
    [InlineData("{ type: objekt }", "w.yaml:4:30: error BATON065: 'type' must be one of array, boolean, integer, null, number, object and string, or a list of them.")]
    [InlineData("{ required: summary }", "w.yaml:4:34: error BATON065: In the shape.answer, 'required' must be a list, not a string.")]
    [InlineData("{ properties: { s: { $ref: 'https://example.com/s.json' } } }", "w.yaml:4:49: error BATON065: 'https://example.com/s.json' refers to another document; a schema may only refer to its own parts ('#/...'), so that nothing is ever fetched. Copy the definition into '$defs'.")]
    [InlineData("{ typ: string }", "w.yaml:4:24: error BATON065: 'typ' is not a JSON Schema keyword. Did you mean 'type'?")]
    public void Compile_InvalidSchemaValue_ReportedWhereWritten(string schema, string expected)
    {
        var result = Compile($"answer: {schema}");

        result.Diagnostics.Select(d => d.ToString()).Should().Equal(expected);
    }

    [Fact]
    public void Compile_SchemaValueReachedThroughRef_IsChecked()
    {
        var result = Compile("nested: { schema: { type: objekt } }");

        result.Diagnostics.Select(d => d.Code).Should().Equal("BATON065");
    }

    [Fact]
    public void Compile_SchemaValueWithATemplate_IsLeftToTheRun()
    {
        var result = Compile("answer: { type: object, properties: { a: { type: '${{ inputs.t }}' } } }");

        result.Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void Compile_ValidSchemaValueWithUnknownFormat_Warns()
    {
        var result = Compile("answer: { type: object, properties: { when: { type: string, format: date-tme } } }");

        result.Diagnostics.Select(d => d.ToString()).Should().ContainSingle().Which.Should().StartWith("w.yaml:4:82: warning BATON064: 'date-tme' is not a format Baton checks, so it constrains nothing. Did you mean 'date-time'?");
        result.Success.Should().BeTrue();
    }

    private static CompilationResult Compile(string config) => Fixtures.Compile($"name: w\nsteps:\n  - id: s\n    shape: {{ {config} }}\n", Options);
}
