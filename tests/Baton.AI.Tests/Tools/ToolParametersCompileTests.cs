using Baton.Definitions;

namespace Baton.AI.Tests.Tools;

/// <summary>An agent tool's <c>parameters</c> is checked at compile time like the inputs schema, where it is written.</summary>
public sealed class ToolParametersCompileTests
{
    private static readonly WorkflowCompiler Compiler = new(new WorkflowCompilerOptions { CustomKinds = AIStepKinds.Schemas() });

    [Theory]
    [InlineData("{ type: object, required: query }", "w.yaml:10:49: error BATON065: In the agent.tools[0].parameters, 'required' must be a list, not a string.")]
    [InlineData("{ type: object, properties: { q: { typ: string } } }", "w.yaml:10:58: error BATON065: 'typ' is not a JSON Schema keyword. Did you mean 'type'?")]
    [InlineData("{ properties: { q: { $ref: '#/$defs/q' } } }", "w.yaml:10:50: error BATON065: '#/$defs/q' points at nothing in the schema.")]
    [InlineData("{ properties: { q: { type: string, pattern: '(a' } } }", "w.yaml:10:67: error BATON065: '(a' is not a valid regular expression: Invalid pattern '(a' at offset 2. Not enough )'s.")]
    [InlineData("{ type: string }", "w.yaml:10:31: error BATON062: 'tools[0].parameters.type' must be 'object' (the 'agent' step's configuration schema).")]
    public void Compile_BadToolParameters_ReportedWhereWritten(string parameters, string expected)
    {
        var result = Compile(parameters);

        result.Diagnostics.Select(d => d.ToString()).Should().Equal(expected);
    }

    [Fact]
    public void Compile_ValidToolParameters_Compiles()
    {
        var result = Compile("{ type: object, required: [query], properties: { query: { type: string, pattern: '^[a-z ]+$' } } }");

        result.Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void Compile_ToolParametersWithATemplate_IsLeftToTheRun()
    {
        var result = Compile("{ type: object, properties: { query: { type: '${{ inputs.kind }}' } } }");

        result.Diagnostics.Should().BeEmpty();
    }

    private static CompilationResult Compile(string parameters) => Compiler.Compile(new DefinitionBundle("w.yaml", "/work/flows", new Dictionary<string, string>
    {
        ["w.yaml"] = $$"""
            name: w
            steps:
              - id: work
                agent:
                  model: openai/gpt-4o-mini
                  goal: Find it.
                  tools:
                    - name: search
                      description: Searches.
                      parameters: {{parameters}}
                      http: { url: "https://example.com/search" }

            """,
    }));
}
