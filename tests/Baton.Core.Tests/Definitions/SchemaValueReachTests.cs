using System.Text.Json.Nodes;
using Baton.Definitions;

namespace Baton.Core.Tests.Definitions;

/// <summary>
/// A value marked as a schema (<c>x-baton-schema</c>) is found wherever the kind's configuration schema places it: in
/// list items, in members reached through <c>additionalProperties</c> or <c>patternProperties</c>, and in the
/// alternatives of <c>oneOf</c>, as an agent's tool <c>parameters</c> are.
/// </summary>
public sealed class SchemaValueReachTests
{
    private static readonly WorkflowCompilerOptions Options = new()
    {
        CustomKinds = new Dictionary<string, JsonObject?>
        {
            ["shape"] = JsonNode.Parse("""
                {
                  "type": "object",
                  "properties": {
                    "tools": { "type": "array", "items": { "$ref": "#/$defs/tool" } },
                    "pair": { "type": "array", "prefixItems": [{ "type": "string" }, { "x-baton-schema": true }] },
                    "named": { "type": "object", "additionalProperties": { "x-baton-schema": true } },
                    "tagged": { "type": "object", "patternProperties": { "^s_": { "x-baton-schema": true } } }
                  },
                  "$defs": {
                    "tool": { "oneOf": [
                      { "type": "object", "required": ["http"], "properties": { "http": {}, "parameters": { "x-baton-schema": true } } },
                      { "type": "object", "required": ["run"], "properties": { "run": {}, "parameters": { "x-baton-schema": true } } }
                    ] }
                  }
                }
                """)!.AsObject(),
        },
    };

    [Fact]
    public void Compile_SchemaValueInListItemsUnderOneOf_IsCheckedOnceWhereWritten()
    {
        var result = Compile("tools: [{ http: {} }, { run: {}, parameters: { type: object, required: q } }]");

        result.Diagnostics.Select(d => d.ToString()).Should().Equal(
            "w.yaml:4:85: error BATON065: In the shape.tools[1].parameters, 'required' must be a list, not a string.");
    }

    [Fact]
    public void Compile_SchemaValueAfterPrefixItem_IsChecked()
    {
        var result = Compile("pair: [x, { typ: string }]");

        result.Diagnostics.Select(d => d.ToString()).Should().Equal(
            "w.yaml:4:26: error BATON065: 'typ' is not a JSON Schema keyword. Did you mean 'type'?");
    }

    [Fact]
    public void Compile_SchemaValueUnderAdditionalProperties_IsChecked()
    {
        var result = Compile("named: { a: { type: objekt } }");

        result.Diagnostics.Select(d => d.Code).Should().Equal("BATON065");
    }

    [Theory]
    [InlineData("s_a", "w.yaml:4:37: error BATON065: 'type' must be one of array, boolean, integer, null, number, object and string, or a list of them.")]
    [InlineData("other", null)]
    public void Compile_SchemaValueUnderPatternProperties_IsCheckedWhenTheNameMatches(string name, string? expected)
    {
        var result = Compile($"tagged: {{ {name}: {{ type: objekt }} }}");

        result.Diagnostics.Select(d => d.ToString()).Should().Equal(expected is null ? [] : [expected]);
    }

    [Fact]
    public void Compile_ValidSchemaValuesEverywhere_Compile()
    {
        var result = Compile("tools: [{ http: {}, parameters: { type: object } }], pair: [x, { type: string }], named: { a: { type: string } }, tagged: { s_b: {} }");

        result.Diagnostics.Should().BeEmpty();
    }

    private static CompilationResult Compile(string config) => Fixtures.Compile($"name: w\nsteps:\n  - id: s\n    shape: {{ {config} }}\n", Options);
}
