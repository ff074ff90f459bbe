using System.Text;
using Baton.Core.Tests.Engine.Support;
using Baton.Secrets;
using Baton.Steps;
using Baton.Storage;

namespace Baton.Core.Tests.Engine;

public sealed class EngineSecretsTests
{
    private const string Secret = "s3cr3t-Value-7f1e9c";
    private const string Pin = "98765432109";
    private const string UrlSecret = "Zq9&ab<cd>\"x";

    [Fact]
    public async Task Secrets_ReachTheStepButAreNeverWrittenToTheStore()
    {
        var directory = Path.Combine(Path.GetTempPath(), "baton-engine-tests", Guid.NewGuid().ToString("n"));
        RunId runId;
        var secrets = new DictionarySecrets(("API_TOKEN", Secret), ("PIN", Pin), ("URL_TOKEN", UrlSecret));
        await using (var h = await EngineHarness.CreateAsync(null, secrets: secrets, directory: directory, steps: [new HttpStepExecutor(HttpStepExecutor.CreateDefaultHttpClient())]))
        {
            var result = await h.RunAsync("""
                name: secretive
                secrets: [API_TOKEN, PIN, URL_TOKEN]
                steps:
                  - id: numbers
                    probe: { output: { pin: "${{ number(secrets.PIN) }}", nested: ["${{ number(secrets.PIN) }}"] } }
                  - id: leak-in-url
                    http: { url: "http://127.0.0.1:1/x?token=${{ secrets.URL_TOKEN }}" }
                    on-error: continue
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

            h.Probe.Calls.Single(c => c.Path == "call").Config["authorization"]!.GetValue<string>().Should().Be($"Bearer {Secret}", "the step receives the real value");
            result.Output!["token"]!.GetValue<string>().Should().Be("***");
            result.Output!["echoed"]!.GetValue<string>().Should().Be("***");
            (await h.StepAsync(runId, "call")).Output!["url"]!.GetValue<string>().Should().Be("https://x.example/?token=***");
            (await h.StepAsync(runId, "leak-in-error")).Error!.Message.Should().Be("Probe '***' failed attempt 1.");
            (await h.Store.GetRunAsync(runId, CancellationToken.None))!.Vars["token"]!.GetValue<string>().Should().Be("***");
            var numbers = (await h.StepAsync(runId, "numbers")).Output!;
            numbers["pin"]!.GetValue<string>().Should().Be("***", "a number whose text is a secret is masked as a string");
            numbers["nested"]![0]!.GetValue<string>().Should().Be("***");
            var urlError = (await h.StepAsync(runId, "leak-in-url")).Error!;
            urlError.Code.Should().Be("http.connection");
            urlError.Message.Should().Contain("token=***");
        }

        // Every form the secrets can take on the way out: raw, and as a URL or a JSON text writes them.
        string[] needles =
        [
            Secret, Pin, UrlSecret, Uri.EscapeDataString(UrlSecret), System.Net.WebUtility.UrlEncode(UrlSecret), "Zq9&ab%3Ccd%3E%22x",
            JsonText(UrlSecret), JsonText("Zq9&ab%3Ccd%3E%22x"),
        ];
        foreach (var file in Directory.GetFiles(directory, "store.db*"))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            foreach (var needle in needles)
            {
                bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle)).Should().Be(-1, $"{Path.GetFileName(file)} must not hold the secret in the form '{needle}'");
            }
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

    [Fact]
    public async Task SecretMissingWhenTheRunResumes_FailsTheStepWithSecretMissingAndNeverSendsAnEmptyValue()
    {
        var directory = Path.Combine(Path.GetTempPath(), "baton-engine-tests", Guid.NewGuid().ToString("n"));
        const string Workflow = """
            name: resume-without-secret
            secrets: [TOKEN]
            steps:
              - id: review
                approval: { title: Go? }
              - id: call
                probe: { authorization: "Bearer ${{ secrets.TOKEN }}" }
                retry: { attempts: 2, delay: 0s, on: [secret.missing] }
                on-error: continue
            outputs: { code: "${{ steps.call.error.code }}", message: "${{ steps.call.error.message }}", attempts: "${{ steps.call.attempts }}" }
            """;
        RunId runId;
        await using (var started = await EngineHarness.CreateAsync(secrets: new DictionarySecrets(("TOKEN", Secret)), directory: directory))
        {
            runId = (await started.RunAsync(Workflow)).RunId;
        }

        await using (var resumed = await EngineHarness.CreateAsync(secrets: new DictionarySecrets(), directory: directory))
        {
            var result = await resumed.Engine.DecideAsync(runId, "review", new Baton.Engine.ApprovalDecision(true, "ana"));

            result.Status.Should().Be(RunStatus.Completed, "on-error applies as for any failure");
            result.Output!["code"]!.GetValue<string>().Should().Be("secret.missing");
            result.Output!["attempts"]!.GetValue<int>().Should().Be(2, "retry applies as for any failure");
            result.Output!["message"]!.GetValue<string>().Should().Contain("TOKEN").And.Contain("BATON_SECRET_TOKEN").And.Contain("secrets file");
            resumed.Probe.Calls.Should().BeEmpty("the step never runs with an empty secret");
        }

        Directory.Delete(directory, recursive: true);
    }

    /// <summary>A text as it appears inside a JSON string in the store.</summary>
    private static string JsonText(string text) => System.Text.Json.JsonSerializer.Serialize(text)[1..^1];

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
