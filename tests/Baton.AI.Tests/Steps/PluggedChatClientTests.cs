using System.Text.Json.Nodes;
using Baton.AI.Models;
using Baton.Engine;
using Baton.Storage;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace Baton.AI.Tests.Steps;

/// <summary>Any IChatClient plugs in from code: a provider registered with AddModelProvider serves <c>{name}/{model}</c>.</summary>
public sealed class PluggedChatClientTests
{
    [Fact]
    public async Task AddModelProvider_ItsClientAnswersAnLlmStep_ThroughTheRealEngine()
    {
        using var directory = new Tools.TempDirectory();
        var services = new ServiceCollection();
        services.AddBaton().UseSqlite(Path.Combine(directory.Path, "store.db")).AddAI().AddModelProvider<ShoutingProvider>();
        await using var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<BatonEngine>();
        await engine.InitializeAsync();
        var workflow = Path.Combine(directory.Path, "workflow.yaml");
        await File.WriteAllTextAsync(workflow, """
            name: plugged
            steps:
              - id: answer
                llm:
                  model: shouting/house-model
                  prompt: "quiet please"
            outputs: ${{ steps.answer.output }}
            """);

        var result = await engine.RunAsync(engine.LoadDefinition(workflow), new JsonObject());

        result.Status.Should().Be(RunStatus.Completed);
        result.Output!["text"]!.GetValue<string>().Should().Be("QUIET PLEASE");
        result.Output!["provider"]!.GetValue<string>().Should().Be("shouting");
        result.Output!["model"]!.GetValue<string>().Should().Be("house-model");
        result.Output!["usage"]!["inputTokens"]!.GetValue<long>().Should().Be(2);
    }

    /// <summary>A team's own client, as it would write one: it upper-cases the last user message.</summary>
    private sealed class ShoutingProvider : IModelProvider
    {
        public string Name => "shouting";

        public IChatClient CreateClient(ModelSettings settings, ModelCredentials credentials)
            => new Models.TestChatClient((messages, _) => new ChatResponse(new ChatMessage(ChatRole.Assistant, messages[^1].Text.ToUpperInvariant()))
            {
                ModelId = settings.Model.Model,
                FinishReason = ChatFinishReason.Stop,
                Usage = new UsageDetails { InputTokenCount = 2, OutputTokenCount = 2 },
            });
    }
}
