using System.Text;
using Baton.Cli.Tests.Support;
using Baton.Testing.Models;

namespace Baton.Cli.Tests;

/// <summary>
/// An API key used for real calls never reaches the store's files (the database and its write-ahead log, read while the
/// CLI still holds them open), even when the model and a tool repeat it back.
/// </summary>
public sealed class AIStoreSecrecyTests
{
    private const string Key = "sk-live-9f3c2a7e51d84b06";

    [Fact]
    public async Task Run_AgainstAnOpenAIServerWithAKey_TheStoreFilesNeverHoldTheKey()
    {
        await using var server = await LoopbackOpenAIServer.StartAsync();
        server.Responder = request =>
        {
            var messages = request.Body.GetProperty("messages").EnumerateArray().ToList();
            var hasTools = request.Body.TryGetProperty("tools", out _);
            return !hasTools ? ModelReply.WithText($"Your key is {Key}.")
                : messages.Any(m => m.GetProperty("role").GetString() == "tool") ? ModelReply.WithText($"Done with {Key}.")
                : ModelReply.WithToolCalls(new ModelReplyToolCall("call_1", "lookup", $$"""{"key":"{{Key}}"}"""));
        };
        using var cli = new CliRunner();
        cli.Environment["OPENAI_API_KEY"] = Key;
        cli.Write("baton.yaml", $$"""
            providers:
              openai: { base-url: "{{server.BaseUrl}}", max-retries: 0 }
            """);
        var workflow = cli.Write("leaky.yaml", """
            name: leaky
            steps:
              - id: ask
                llm: { model: openai/gpt-4o-mini, prompt: What is my key? }
              - id: work
                agent:
                  model: openai/gpt-4o-mini
                  goal: Look the key up.
                  tools:
                    - name: lookup
                      description: Looks a key up.
                      run: { command: cat }
              - id: hold
                run: { command: sh, args: [-c, "touch ready; sleep 60"] }
            """);

        using var process = cli.Start("run", workflow);
        try
        {
            await WaitForFileAsync(Path.Combine(cli.Directory, "ready"));
            server.Requests.Should().HaveCount(3).And.OnlyContain(r => r.HasAuthorization, "the key was sent with every call");
            var files = Directory.GetFiles(cli.Directory, Path.GetFileName(cli.StorePath) + "*").ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);
            files.Keys.Should().Contain(["store.db", "store.db-wal"]);
            files.Values.Any(b => b.AsSpan().IndexOf("Your key is ***."u8) >= 0).Should().BeTrue("the answer is stored, masked");
            var key = Encoding.UTF8.GetBytes(Key);
            foreach (var (name, bytes) in files)
            {
                bytes.AsSpan().IndexOf(key).Should().Be(-1, $"{name} must not hold the key");
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static async Task WaitForFileAsync(string path)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!File.Exists(path))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Hung while waiting for the run to reach its last step ({path} never appeared).");
            }

            await Task.Delay(20);
        }
    }
}
