using Baton.Definitions;

namespace Baton.Core.Tests.Definitions;

/// <summary>A workflow step's inputs are checked against the child's input schema at compile time: literals now, templates when the step runs.</summary>
public sealed class ChildInputsTests
{
    private const string Child = """
        name: child
        inputs:
          type: object
          required: [n, label]
          additionalProperties: false
          properties:
            n: { type: integer, minimum: 1 }
            label: { type: string }
            mode: { enum: [fast, slow], default: fast }
        steps:
          - id: s
            set: { x: 1 }
        """;

    [Fact]
    public void Compile_LiteralInputsThatTheChildRejects_ReportedWhereWritten()
    {
        var result = Compile("workflow: { path: ./child.yaml, inputs: { n: 0, label: 7, extra: 1 } }");

        Messages(result).Should().BeEquivalentTo([
            "w.yaml:4:50: error BATON072: 'inputs.n' must be at least 1 (the input schema of child workflow 'child').",
            "w.yaml:4:60: error BATON072: 'inputs.label' must be a string, not a number (the input schema of child workflow 'child').",
            "w.yaml:4:63: error BATON072: 'inputs.extra' is not an input it accepts (the input schema of child workflow 'child').",
        ]);
    }

    [Fact]
    public void Compile_TemplateInputs_AreCheckedWhenTheStepRuns()
    {
        var result = Compile("workflow: { path: ./child.yaml, inputs: { n: '${{ run.id }}', label: 'run ${{ run.id }}' } }");

        result.Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void Compile_WholeInputsAsATemplate_AreCheckedWhenTheStepRuns()
    {
        var result = Compile("workflow: { path: ./child.yaml, inputs: '${{ { n: 1 } }}' }");

        result.Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void Compile_MissingRequiredInputs_ReportedAtTheCall()
    {
        var result = Compile("workflow: { path: ./child.yaml, inputs: { n: 2 } }");

        Messages(result).Should().Equal("w.yaml:4:45: error BATON072: 'inputs.label' is required (the input schema of child workflow 'child').");
    }

    [Fact]
    public void Compile_NoInputsAtAll_ReportsEachRequiredInputAtTheWorkflowMapping()
    {
        var result = Compile("workflow: { path: ./child.yaml }");

        Messages(result).Should().Equal(
            "w.yaml:4:15: error BATON072: 'inputs.n' is required (the input schema of child workflow 'child').",
            "w.yaml:4:15: error BATON072: 'inputs.label' is required (the input schema of child workflow 'child').");
    }

    [Fact]
    public void Compile_DefaultsOfTheChild_AreApplied()
    {
        var result = Compile("workflow: { path: ./child.yaml, inputs: { n: 99999999999999999999, label: x } }");

        result.Diagnostics.Should().BeEmpty();
    }

    private static CompilationResult Compile(string call)
        => new WorkflowCompiler().Compile(new DefinitionBundle("w.yaml", "/work/flows", new Dictionary<string, string>
        {
            ["w.yaml"] = $"name: w\nsteps:\n  - id: call\n    {call}\n",
            ["child.yaml"] = Child,
        }));

    private static IEnumerable<string> Messages(CompilationResult result) => result.Diagnostics.Select(d => d.ToString());
}
