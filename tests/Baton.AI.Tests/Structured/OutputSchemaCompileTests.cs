using Baton.Definitions;

namespace Baton.AI.Tests.Structured;

/// <summary>The compiler checks an <c>llm</c> step's <c>output-schema</c> like the inputs schema, where it is written.</summary>
public sealed class OutputSchemaCompileTests
{
    private static readonly WorkflowCompiler Compiler = new(new WorkflowCompilerOptions { CustomKinds = AIStepKinds.Schemas() });

    [Theory]
    [InlineData("{ type: objekt }", "w.yaml:6:30: error BATON065: 'type' must be one of array, boolean, integer, null, number, object and string, or a list of them.")]
    [InlineData("{ type: object, required: summary }", "w.yaml:6:48: error BATON065: In the llm.output-schema, 'required' must be a list, not a string.")]
    [InlineData("{ type: object, properties: { s: { $ref: '#/$defs/s' } } }", "w.yaml:6:63: error BATON065: '#/$defs/s' points at nothing in the schema.")]
    [InlineData("{ type: object, dependencies: { a: [b] } }", "w.yaml:6:38: error BATON065: 'dependencies' is not a JSON Schema keyword. In draft 2020-12, use 'dependentRequired' (a list of names) or 'dependentSchemas' (a schema).")]
    public void Compile_InvalidOutputSchema_ReportedWhereWritten(string schema, string expected)
    {
        var result = Compile($"output-schema: {schema}");

        result.Diagnostics.Select(d => d.ToString()).Should().Equal(expected);
    }

    [Fact]
    public void Compile_ValidOutputSchema_Compiles()
    {
        var result = Compile("output-schema: { type: object, required: [summary], properties: { summary: { type: string }, n: { type: integer, maximum: 123456789012345678901234567890 } } }");

        result.Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void Compile_OutputSchemaWithATemplate_IsLeftToTheRun()
    {
        var result = Compile("output-schema: { type: object, properties: { summary: { type: '${{ inputs.kind }}' } } }");

        result.Diagnostics.Should().BeEmpty();
    }

    private static CompilationResult Compile(string line) => Compiler.Compile(new DefinitionBundle("w.yaml", "/work/flows", new Dictionary<string, string>
    {
        ["w.yaml"] = $"name: w\nsteps:\n  - id: ask\n    llm:\n      model: openai/gpt-4o-mini\n      {line}\n      prompt: Summarize.\n",
    }));
}
