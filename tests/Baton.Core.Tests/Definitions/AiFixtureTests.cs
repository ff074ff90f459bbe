using Baton.Definitions;

namespace Baton.Core.Tests.Definitions;

/// <summary>Fixtures/good/ai: a workflow with AI steps, its own models, a project config with a scripted model, and a workflow tool.</summary>
public sealed class AiFixtureTests
{
    private static readonly WorkflowCompiler Compiler = new(AiKindSchemas.Options);

    [Fact]
    public void CompileFile_AiFixture_HasModelsProjectScriptsAndToolWorkflowsInItsBundle()
    {
        var def = Compiler.CompileFile(Fixtures.PathOf("good/ai/support.yaml")).GetDefinitionOrThrow();

        def.Models!.ToJsonString().Should().Be("""{"drafter":{"model":"scripted/drafter","script":"scripted/draft.yaml"},"quick":"ollama/llama3.1:8b"}""");
        def.Project!.File.Should().Be("baton.yaml");
        def.Project.Models!["triage"]!["script"]!.GetValue<string>().Should().Be("scripted/triage.yaml");
        def.Project.Providers!.Select(p => p.Key).Should().Equal("openai", "anthropic", "ollama");
        def.Project.Prices!["anthropic/claude-sonnet-4-5"]!.ToJsonString().Should().Be("""{"input":3,"output":15.00}""");
        def.Source.Files.Keys.Should().BeEquivalentTo("support.yaml", "baton.yaml", "scripted/triage.yaml", "scripted/draft.yaml", "refund.yaml");
        def.Source.Files["scripted/draft.yaml"].Should().Be(Fixtures.Read("good/ai/scripted/draft.yaml"));
        var refund = ((ActionStep)def.GetStep("draft")).Workflows["./refund.yaml"];
        refund.Name.Should().Be("refund");
        refund.Project!.File.Should().Be("baton.yaml");
        refund.Hash.Should().Be(Compiler.CompileFile(Fixtures.PathOf("good/ai/refund.yaml")).Definition!.Hash);
    }

    [Fact]
    public void CompileFile_AiFixtureWithoutTheAiKinds_ReportsTheUnknownKinds()
    {
        var result = new WorkflowCompiler().CompileFile(Fixtures.PathOf("good/ai/support.yaml"));

        result.Diagnostics.Select(d => d.Code).Distinct().Should().Equal("BATON015");
    }
}
