using Baton.Engine;
using Baton.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Baton.Hosting.Tests;

public sealed class BatonWorkerServiceTests
{
    [Fact]
    public async Task AddWorker_HostedWorkerDrivesARunThatWasOnlyStarted()
    {
        var directory = Path.Combine(Path.GetTempPath(), "baton-hosting-tests", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(directory);
        var workflow = Path.Combine(directory, "hello.yaml");
        await File.WriteAllTextAsync(workflow, "name: hello\nsteps:\n  - id: greet\n    set: { greeting: hi }\noutputs: ${{ vars.greeting }}\n");
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddBaton(o => o.PollInterval = TimeSpan.FromMilliseconds(50)).UseSqlite(Path.Combine(directory, "store.db")).AddWorker();

        using (var host = builder.Build())
        {
            await host.StartAsync();
            var engine = host.Services.GetRequiredService<BatonEngine>();
            await engine.InitializeAsync();

            var runId = await engine.StartAsync(engine.LoadDefinition(workflow));
            var result = await engine.WaitForCompletionAsync(runId).WaitAsync(TimeSpan.FromSeconds(30));

            result.Status.Should().Be(RunStatus.Completed);
            result.Output!.GetValue<string>().Should().Be("hi");
            await host.StopAsync();
        }

        Directory.Delete(directory, recursive: true);
    }
}
