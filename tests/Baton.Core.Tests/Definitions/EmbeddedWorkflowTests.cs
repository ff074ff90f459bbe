using Baton.Definitions;

namespace Baton.Core.Tests.Definitions;

/// <summary><c>workflow: { path: FILE }</c> inside an action step's configuration is a child workflow, compiled and pinned like a workflow step's.</summary>
public sealed class EmbeddedWorkflowTests
{
    private const string Refund = "name: refund\nsteps:\n  - id: pay\n    set: { ok: true }\n";

    private static readonly WorkflowCompiler Compiler = new(AiKindSchemas.Options);

    [Fact]
    public void Compile_AgentWorkflowTool_CompiledBundledAndAttachedToTheStep()
    {
        var bundle = Bundle(new()
        {
            ["flows/main.yaml"] = "name: main\nsteps:\n  - id: act\n    agent:\n      model: m\n      goal: g\n      tools:\n        - { name: refund, workflow: { path: ./tools/refund.yaml } }\n        - { name: again, workflow: { path: ./tools/refund.yaml } }\n",
            ["flows/tools/refund.yaml"] = Refund,
        }, "flows/main.yaml");

        var def = Compiler.Compile(bundle).GetDefinitionOrThrow();

        var step = (ActionStep)def.GetStep("act");
        step.Workflows.Keys.Should().Equal("./tools/refund.yaml");
        step.Workflows["./tools/refund.yaml"].Name.Should().Be("refund");
        step.Workflows["./tools/refund.yaml"].Source.RootFile.Should().Be("refund.yaml");
        def.Source.Files.Keys.Should().BeEquivalentTo("flows/main.yaml", "flows/tools/refund.yaml");
        step.Workflows["./tools/refund.yaml"].Hash.Should().Be(Compiler.Compile(step.Workflows["./tools/refund.yaml"].Source).Definition!.Hash);
    }

    [Fact]
    public void Compile_WorkflowReferenceAtAnyDepthOfHttpAndRun_Compiled()
    {
        var def = Compiler.Compile(Bundle(new()
        {
            ["w.yaml"] = "name: w\nsteps:\n  - id: h\n    http: { url: 'https://x', body: { deep: [ { workflow: { path: a.yaml } } ] } }\n  - id: r\n    run: { command: ls, env: { X: y } }\n",
            ["a.yaml"] = Refund,
        })).GetDefinitionOrThrow();

        ((ActionStep)def.GetStep("h")).Workflows.Keys.Should().Equal("a.yaml");
        ((ActionStep)def.GetStep("r")).Workflows.Should().BeEmpty();
    }

    [Theory]
    [InlineData("workflow: { path: '${{ inputs.flow }}' }")]
    [InlineData("workflow: { path: 42 }")]
    [InlineData("workflow: ./a.yaml")]
    [InlineData("workflow: { file: a.yaml }")]
    public void Compile_NotAFixedPathReference_LeftAsData(string value)
    {
        var def = Compiler.Compile(Bundle(new() { ["w.yaml"] = $"name: w\nsteps:\n  - id: h\n    http: {{ url: 'https://x', body: {{ {value} }} }}\n" }))
            .GetDefinitionOrThrow();

        ((ActionStep)def.GetStep("h")).Workflows.Should().BeEmpty();
    }

    [Fact]
    public void Compile_MissingWorkflowFile_ReportedAtThePath()
    {
        var result = Compiler.Compile(Bundle(new()
        {
            ["w.yaml"] = "name: w\nsteps:\n  - id: act\n    agent: { model: m, goal: g, tools: [ { name: t, workflow: { path: nope.yaml } } ] }\n",
        }));

        result.Diagnostics.Select(d => d.ToString()).Should().Equal(
            "w.yaml:4:71: error BATON070: The child workflow 'nope.yaml' cannot be found: the definition bundle does not hold it. Paths are relative to this file.");
    }

    [Fact]
    public void Compile_ToolWorkflowThatCallsItsCaller_IsACycle()
    {
        var result = Compiler.Compile(Bundle(new()
        {
            ["w.yaml"] = "name: w\nsteps:\n  - id: act\n    agent: { model: m, goal: g, tools: [ { name: t, workflow: { path: tool.yaml } } ] }\n",
            ["tool.yaml"] = "name: tool\nsteps:\n  - id: back\n    workflow: { path: w.yaml }\n",
        }));

        result.Diagnostics.Select(d => d.ToString()).Should().Equal(
            "tool.yaml:4:23: error BATON071: The workflow calls itself: w.yaml -> tool.yaml -> w.yaml. A workflow cannot run itself as a child, directly or through others.");
    }

    [Fact]
    public void Compile_ErrorsOfAToolWorkflow_AreLocatedInItsFile()
    {
        var result = Compiler.Compile(Bundle(new()
        {
            ["w.yaml"] = "name: w\nsteps:\n  - id: act\n    agent: { model: m, goal: g, tools: [ { name: t, workflow: { path: lib/tool.yaml } } ] }\n",
            ["lib/tool.yaml"] = "name: tool\nsteps:\n  - id: x\n    set: { a: \"${{ nope }}\" }\n",
        }));

        result.Heads().Should().Equal("lib/tool.yaml:4:20: error BATON041");
    }

    private static DefinitionBundle Bundle(Dictionary<string, string> files, string root = "w.yaml") => new(root, "/work", files);
}
