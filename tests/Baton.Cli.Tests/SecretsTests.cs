using System.Text;
using Baton.Cli.Tests.Support;

namespace Baton.Cli.Tests;

public sealed class SecretsTests
{
    private const string Secret = "tok-9f8e7d6c5b4a-secret";

    private const string Workflow = """
        name: uses-secret
        secrets: [API_TOKEN]
        steps:
          - id: call
            run:
              command: /bin/sh
              args: ["-c", "echo \"token=$API_TOKEN\"; echo \"also $API_TOKEN\" >&2"]
              env: { API_TOKEN: "${{ secrets.API_TOKEN }}" }
          - id: failing-call
            run:
              command: /bin/sh
              args: ["-c", "echo \"leak $API_TOKEN\" >&2; exit 3"]
              env: { API_TOKEN: "${{ secrets.API_TOKEN }}" }
            on-error: continue
          - id: keep
            set: { copy: "${{ steps.call.output.stdout }}" }
        outputs: { stdout: "${{ steps.call.output.stdout }}", stderr: "${{ steps.call.output.stderr }}", error: "${{ steps.failing-call.error.message }}" }
        """;

    [Fact]
    public async Task SecretFromTheSecretsFile_ReachesTheProcessButNeverTheStoreOrTheOutput()
    {
        using var cli = new CliRunner();
        await File.WriteAllTextAsync(cli.Environment["BATON_SECRETS_FILE"], $$"""{ "API_TOKEN": "{{Secret}}" }""");
        var file = cli.Write("secret.yaml", Workflow);

        var result = await cli.RunAsync("run", file, "--json");
        var shown = await cli.RunAsync("show", result.Json["runId"]!.GetValue<string>(), "--json");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Json["output"]!["stdout"]!.GetValue<string>().Should().Be("token=***\n", "the process got the value, and its echo was masked");
        result.Json["output"]!["stderr"]!.GetValue<string>().Should().Be("also ***\n");
        result.Json["output"]!["error"]!.GetValue<string>().Should().Contain("leak ***");
        (result.Stdout + result.Stderr + shown.Stdout).Should().NotContain(Secret);
        foreach (var path in Directory.GetFiles(cli.Directory, "store.db*"))
        {
            (await File.ReadAllBytesAsync(path)).AsSpan().IndexOf(Encoding.UTF8.GetBytes(Secret)).Should().Be(-1, $"{Path.GetFileName(path)} must not hold the secret");
        }
    }

    [Fact]
    public async Task SecretFromTheEnvironment_IsUsedWhenTheFileLacksIt()
    {
        using var cli = new CliRunner();
        cli.Environment["BATON_SECRET_API_TOKEN"] = Secret;
        var file = cli.Write("secret.yaml", Workflow);

        var result = await cli.RunAsync("run", file, "--json");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Json["output"]!["stdout"]!.GetValue<string>().Should().Be("token=***\n");
    }

    [Fact]
    public async Task MissingSecret_Exits2SayingWhereToPutItAndStoresNothing()
    {
        using var cli = new CliRunner();
        var file = cli.Write("secret.yaml", Workflow);

        var result = await cli.RunAsync("run", file);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.Should().Contain("BATON_SECRET_API_TOKEN");
        File.Exists(cli.StorePath).Should().BeFalse("a run that cannot start creates no store");
    }

    [Fact]
    public async Task SecretsFileThatIsNotJson_Exits2WithoutQuotingIt()
    {
        using var cli = new CliRunner();
        await File.WriteAllTextAsync(cli.Environment["BATON_SECRETS_FILE"], $"API_TOKEN={Secret}");
        var file = cli.Write("secret.yaml", Workflow);

        var result = await cli.RunAsync("run", file);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.Should().Contain("not valid JSON").And.NotContain(Secret);
    }

    [Theory]
    [InlineData("{\"API_TOKEN\": \"\\ud800\"}", "it is not valid JSON (line 1): A string escapes half a surrogate pair")]
    [InlineData("{\"\\udc00\": \"x\"}", "it is not valid JSON (line 1): A string escapes half a surrogate pair")]
    [InlineData("{\"API_TOKEN\": \"a\",\n \"API_TOKEN\": \"b\"}", "it is not valid JSON (line 2): The key 'API_TOKEN' appears twice in one object.")]
    [InlineData("{\"API_TOKEN\": \"\u00ff\"}", "it is not UTF-8 text.")]
    public async Task SecretsFileThatOnlyFailsOnRead_Exits2SayingWhy(string json, string expected)
    {
        using var cli = new CliRunner();
        var bytes = System.Text.Encoding.Latin1.GetBytes(json);
        await File.WriteAllBytesAsync(cli.Environment["BATON_SECRETS_FILE"], bytes);

        var result = await cli.RunAsync("run", cli.Write("secret.yaml", Workflow));

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.Should().Contain($"The secrets file '{cli.Environment["BATON_SECRETS_FILE"]}' cannot be used: {expected}");
    }

    [Theory]
    [InlineData("run", "FILE")]
    [InlineData("approve", "RUN", "review")]
    [InlineData("reject", "RUN", "review")]
    [InlineData("signal", "RUN", "go")]
    [InlineData("cancel", "RUN")]
    [InlineData("worker", "--until-idle")]
    public async Task SecretsFileOption_FileMissing_Exits2NamingIt(params string[] args)
    {
        using var cli = new CliRunner();
        var file = cli.Write("waits.yaml", "name: waits\nsteps:\n  - id: w\n    wait: { event: go }\n");
        var runId = (await cli.RunAsync("run", file, "--json")).Json["runId"]!.GetValue<string>();
        var missing = Path.Combine(cli.Directory, "no-such-secrets.json");

        var result = await cli.RunAsync([.. args.Select(a => a == "RUN" ? runId : a == "FILE" ? file : a), "--secrets-file", missing]);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.Should().Contain($"--secrets-file '{missing}' does not exist");
        (await cli.RunAsync("show", runId, "--json")).Json["status"]!.GetValue<string>().Should().Be("waiting", "nothing was done");
    }

    [Fact]
    public async Task Approve_SecretsFileOption_ReachesTheStepsAfterTheApproval()
    {
        using var cli = new CliRunner();
        var secrets = cli.Write("team-secrets.json", $$"""{ "API_TOKEN": "{{Secret}}" }""");
        var file = cli.Write("approved.yaml", """
            name: approved-call
            secrets: [API_TOKEN]
            steps:
              - id: review
                approval: { title: "Call the API?" }
              - id: call
                run:
                  command: /bin/sh
                  args: ["-c", "echo \"token=$API_TOKEN\""]
                  env: { API_TOKEN: "${{ secrets.API_TOKEN }}" }
            outputs: ${{ steps.call.output.stdout }}
            """);
        var runId = (await cli.RunAsync("run", file, "--secrets-file", secrets, "--json")).Json["runId"]!.GetValue<string>();

        var result = await cli.RunAsync("approve", runId, "review", "--secrets-file", secrets, "--json");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Json["output"]!.GetValue<string>().Should().Be("token=***\n");
    }
}
