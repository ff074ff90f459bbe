using System.Text;
using Baton.Core.Tests.Engine.Support;
using Baton.Secrets;
using Baton.Storage;

namespace Baton.Core.Tests.Engine;

public sealed class EngineSecretsTests
{
    private const string Secret = "s3cr3t-Value-7f1e9c";

    [Fact]
    public async Task Secrets_ReachTheStepButAreNeverWrittenToTheStore()
    {
        var directory = Path.Combine(Path.GetTempPath(), "baton-engine-tests", Guid.NewGuid().ToString("n"));
        RunId runId;
        await using (var h = await EngineHarness.CreateAsync(secrets: new DictionarySecrets(("API_TOKEN", Secret)), directory: directory))
        {
            var result = await h.RunAsync("""
                name: secretive
                secrets: [API_TOKEN]
                steps:
                  - id: call
                    probe:
                      authorization: "Bearer ${{ secrets.API_TOKEN }}"
                      output: { echoed: "${{ secrets.API_TOKEN }}", url: "https://x.example/?token=${{ secrets.API_TOKEN }}" }
                  - id: keep
                    set: { token: "${{ secrets.API_TOKEN }}" }
                  - id: leak-in-error
                    probe: { name: "${{ secrets.API_TOKEN }}", failAlways: true, retryable: false }
                    on-error: continue
                outputs: { token: "${{ secrets.API_TOKEN }}", echoed: "${{ steps.call.output.echoed }}" }
                """);
            runId = result.RunId;

            h.Probe.Calls[0].Config["authorization"]!.GetValue<string>().Should().Be($"Bearer {Secret}", "the step receives the real value");
            result.Output!["token"]!.GetValue<string>().Should().Be("***");
            result.Output!["echoed"]!.GetValue<string>().Should().Be("***");
            (await h.StepAsync(runId, "call")).Output!["url"]!.GetValue<string>().Should().Be("https://x.example/?token=***");
            (await h.StepAsync(runId, "leak-in-error")).Error!.Message.Should().Be("Probe '***' failed attempt 1.");
            (await h.Store.GetRunAsync(runId, CancellationToken.None))!.Vars["token"]!.GetValue<string>().Should().Be("***");
        }

        var needle = Encoding.UTF8.GetBytes(Secret);
        foreach (var file in Directory.GetFiles(directory, "store.db*"))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            bytes.AsSpan().IndexOf(needle).Should().Be(-1, $"{Path.GetFileName(file)} must not hold the secret");
        }

        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task MissingSecret_RunDoesNotStartAndNothingIsPersisted()
    {
        await using var h = await EngineHarness.CreateAsync(secrets: new DictionarySecrets());
        var definition = h.Load("""
            name: needs-secret
            secrets: [MISSING_ONE]
            steps:
              - id: a
                probe: {}
            """);

        var act = () => h.Engine.RunAsync(definition);

        (await act.Should().ThrowAsync<RunStartException>()).Which.Message.Should().Contain("BATON_SECRET_MISSING_ONE");
        (await h.Store.ListRunsAsync(new RunQuery(), CancellationToken.None)).Should().BeEmpty();
    }

    private sealed class DictionarySecrets(params (string Name, string Value)[] secrets) : ISecretProvider
    {
        public bool TryGetSecret(string name, out string value)
        {
            value = secrets.FirstOrDefault(s => s.Name == name).Value ?? "";
            return value.Length > 0;
        }

        public IEnumerable<string> GetAllValues() => secrets.Select(s => s.Value);
    }
}
