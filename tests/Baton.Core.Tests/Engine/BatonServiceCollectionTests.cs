using System.Text.Json.Nodes;
using Baton.Core.Tests.Engine.Support;
using Baton.Engine;
using Baton.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Baton.Core.Tests.Engine;

public sealed class BatonServiceCollectionTests
{
    [Fact]
    public async Task AddBaton_WithSqliteAndACustomStep_RunsAWorkflowThatUsesTheStep()
    {
        var directory = Path.Combine(Path.GetTempPath(), "baton-di-tests", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(directory);
        var services = new ServiceCollection();
        services.AddBaton(o => o.WorkerConcurrency = 8).UseSqlite(Path.Combine(directory, "store.db")).AddStep<ProbeExecutor>();
        services.AddBaton();
        await using (var provider = services.BuildServiceProvider())
        {
            var engine = provider.GetRequiredService<BatonEngine>();
            await engine.InitializeAsync();
            var path = Path.Combine(directory, "custom.yaml");
            await File.WriteAllTextAsync(path, """
                name: custom
                steps:
                  - id: lookup
                    probe: { output: { account: A-1 } }
                outputs: ${{ steps.lookup.output.account }}
                """);

            var result = await engine.RunAsync(engine.LoadDefinition(path), new JsonObject());

            result.Status.Should().Be(RunStatus.Completed);
            result.Output!.GetValue<string>().Should().Be("A-1");
            engine.Options.WorkerConcurrency.Should().Be(8);
        }

        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public void AddBaton_WithoutAStore_FailsWithAMessageThatSaysHowToFixIt()
    {
        var services = new ServiceCollection();
        services.AddBaton();
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<BatonEngine>();

        act.Should().Throw<InvalidOperationException>().WithMessage("*UseSqlite*");
    }
}
