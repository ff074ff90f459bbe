using System.Text.Json.Nodes;
using Baton.Definitions;
using Baton.Engine;
using Baton.Secrets;
using Baton.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Baton.AI.Tests.Steps;

/// <summary>
/// With <c>AddAI()</c>, the engine refuses to start a run whose models lack what their provider needs, such as an API key,
/// before any step has had an effect.
/// </summary>
public sealed class ModelStartCheckTests : IDisposable
{
    /// <summary>The key's variable, named by the project config so that no environment can have it set.</summary>
    private const string KeyVariable = "BATON_TEST_SURELY_UNSET_MODEL_KEY";

    private readonly Tools.TempDirectory _directory = new();

    public ModelStartCheckTests()
    {
        _directory.WriteFile("baton.yaml", $$"""
            models:
              analyst: openai/gpt-4o-mini
              triage:
                model: scripted/triage
                script: ./triage.yaml
            providers:
              openai: { base-url: https://api.openai.com/v1, api-key-env: {{KeyVariable}} }
            """);
        _directory.WriteFile("triage.yaml", "responses:\n  - text: billing\n");
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task RunAsync_ModelWithoutItsApiKey_IsRefusedBeforeAnyStepRunsAndNamesTheAliasProviderAndVariable()
    {
        await using var provider = Services();
        var engine = await EngineAsync(provider);
        var marker = Path.Combine(_directory.Path, "gathered");
        var definition = Load(engine, """
            name: report
            steps:
              - id: gather
                run: { command: /bin/sh, args: ["-c", "touch gathered"] }
              - id: analyze
                llm: { model: analyst, prompt: "Analyse the figures." }
            """);

        var act = () => engine.RunAsync(definition, new JsonObject());

        var problem = (await act.Should().ThrowAsync<RunStartException>()).Which.Problems.Should().ContainSingle().Subject;
        problem.Should().Contain("Step 'analyze'").And.Contain("model alias 'analyst'").And.Contain("provider 'openai'").And.Contain($"set {KeyVariable}");
        File.Exists(marker).Should().BeFalse("no step ran");
        (await engine.ListRunsAsync(new RunQuery())).Should().BeEmpty();
    }

    [Fact]
    public async Task CheckCanStart_ModelOverrideWithoutItsKey_IsRefused()
    {
        await using var provider = Services();
        var engine = await EngineAsync(provider);
        var scripted = Load(engine, "name: triage\nsteps:\n  - id: sort\n    classify: { model: triage, input: refund, choices: [billing, other] }\n");
        var overridden = WorkflowCompiler.WithModelOverrides(scripted, new Dictionary<string, string> { ["triage"] = "openai/gpt-4o-mini" });

        engine.CheckCanStart(scripted);
        var act = () => engine.CheckCanStart(overridden);

        act.Should().Throw<RunStartException>().Which.Problems.Should().ContainSingle()
            .Which.Should().Contain("model alias 'triage' (openai/gpt-4o-mini, provider 'openai')").And.Contain(KeyVariable);
    }

    [Fact]
    public async Task CheckCanStart_KeyInBatonSecrets_Passes()
    {
        await using var provider = Services(new OneSecret(KeyVariable, "sk-test-key"));
        var engine = await EngineAsync(provider);

        var act = () => engine.CheckCanStart(Load(engine, "name: ok\nsteps:\n  - id: ask\n    llm: { model: analyst, prompt: hi }\n"));

        act.Should().NotThrow();
    }

    [Fact]
    public async Task CheckCanStart_OllamaAndScriptedModels_NeedNoKey()
    {
        await using var provider = Services();
        var engine = await EngineAsync(provider);
        var definition = Load(engine, """
            name: local
            steps:
              - id: local
                llm: { model: ollama/llama3.2, prompt: hi }
              - id: sort
                classify: { model: triage, input: refund, choices: [billing, other] }
            """);

        var act = () => engine.CheckCanStart(definition);

        act.Should().NotThrow();
    }

    [Fact]
    public async Task CheckCanStart_AgentOfAChildWorkflowWithoutItsKey_IsRefusedNamingTheChildWorkflow()
    {
        await using var provider = Services();
        var engine = await EngineAsync(provider);
        _directory.WriteFile("child.yaml", "name: researcher\nsteps:\n  - id: research\n    agent: { model: analyst, goal: Find out. }\n");

        var act = () => engine.CheckCanStart(Load(engine, "name: parent\nsteps:\n  - id: call\n    workflow: { path: ./child.yaml }\n"));

        act.Should().Throw<RunStartException>().Which.Problems.Should().ContainSingle()
            .Which.Should().Contain("Step 'research' of the child workflow 'researcher'").And.Contain(KeyVariable);
    }

    [Fact]
    public async Task CheckCanStart_ModelWrittenAsATemplate_IsLeftToTheStep()
    {
        await using var provider = Services();
        var engine = await EngineAsync(provider);
        var definition = Load(engine, """
            name: chosen
            inputs: { type: object, properties: { model: { type: string } } }
            steps:
              - id: ask
                llm: { model: "${{ inputs.model }}", prompt: hi }
            """);

        var act = () => engine.CheckCanStart(definition, new JsonObject { ["model"] = "analyst" });

        act.Should().NotThrow("the model is known only when the step renders it");
    }

    private ServiceProvider Services(ISecretProvider? secrets = null)
    {
        var services = new ServiceCollection();
        if (secrets is not null)
        {
            services.AddSingleton(secrets);
        }

        services.AddBaton().UseSqlite(Path.Combine(_directory.Path, "store.db")).AddAI().AddOpenAI();
        return services.BuildServiceProvider();
    }

    private static async Task<BatonEngine> EngineAsync(ServiceProvider provider)
    {
        var engine = provider.GetRequiredService<BatonEngine>();
        await engine.InitializeAsync();
        return engine;
    }

    private WorkflowDefinition Load(BatonEngine engine, string yaml) => engine.LoadDefinition(_directory.WriteFile("workflow.yaml", yaml));

    private sealed class OneSecret(string name, string value) : ISecretProvider
    {
        public bool TryGetSecret(string secret, out string result)
        {
            result = secret == name ? value : null!;
            return secret == name;
        }

        public IEnumerable<string> GetAllValues() => [value];
    }
}
