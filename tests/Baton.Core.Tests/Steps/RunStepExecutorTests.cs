using System.Text.Json.Nodes;
using Baton.Steps;

namespace Baton.Core.Tests.Steps;

public sealed class RunStepExecutorTests : IDisposable
{
    private readonly RunStepExecutor _executor = new();
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ExecuteAsync_Args_PassedVerbatimWithoutShell()
    {
        string[] args = ["two words", "it's \"quoted\"", "$HOME", "*", "a;b|c && d", ""];

        var outcome = await Execute(new JsonObject { ["command"] = "printf", ["args"] = new JsonArray(["[%s]\n", .. args.Select(a => JsonValue.Create(a))]) });

        outcome.Error.Should().BeNull();
        outcome.Output!["stdout"]!.GetValue<string>().Should().Be(string.Concat(args.Select(a => $"[{a}]\n")));
        outcome.Output["exitCode"]!.GetValue<int>().Should().Be(0);
    }

    [Fact]
    public async Task ExecuteAsync_ScalarArgs_PassedAsText()
    {
        var outcome = await Execute(new JsonObject { ["command"] = "printf", ["args"] = new JsonArray("%s %s %s", 3, 1.5, true) });

        outcome.Output!["stdout"]!.GetValue<string>().Should().Be("3 1.5 true");
    }

    [Fact]
    public async Task ExecuteAsync_Environment_AddsStepAndBatonVariablesAndRemovesSecrets()
    {
        var secretName = $"BATON_SECRET_EXECTEST_{Guid.NewGuid():N}";
        var visibleName = $"BATON_EXECTEST_{Guid.NewGuid():N}";
        var droppedName = $"EXECTEST_DROPPED_{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(secretName, "hidden-value");
        Environment.SetEnvironmentVariable(visibleName, "inherited");
        Environment.SetEnvironmentVariable(droppedName, "inherited");
        try
        {
            var context = new TestStepContext(new JsonObject
            {
                ["command"] = "env",
                ["env"] = new JsonObject { ["REGION"] = "eu west", ["REPLICAS"] = 3, [droppedName] = null },
            });

            var outcome = await _executor.ExecuteAsync(context, CancellationToken.None).Within("running env");

            var variables = outcome.Output!["stdout"]!.GetValue<string>().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            variables.Should().Contain(["REGION=eu west", "REPLICAS=3", $"{visibleName}=inherited"]);
            variables.Should().Contain($"BATON_RUN_ID={context.RunId}");
            variables.Should().Contain($"BATON_STEP_PATH={context.Path}");
            variables.Should().Contain($"BATON_IDEMPOTENCY_KEY={context.IdempotencyKey}");
            variables.Should().NotContain(v => v.StartsWith("BATON_SECRET_", StringComparison.Ordinal));
            variables.Should().NotContain(v => v.StartsWith(droppedName, StringComparison.Ordinal));
        }
        finally
        {
            Environment.SetEnvironmentVariable(secretName, null);
            Environment.SetEnvironmentVariable(visibleName, null);
            Environment.SetEnvironmentVariable(droppedName, null);
        }
    }

    [Fact]
    public async Task ExecuteAsync_StepEnvSetsBatonVariable_BatonValueWins()
    {
        var context = new TestStepContext(new JsonObject
        {
            ["command"] = "printenv",
            ["args"] = new JsonArray("BATON_IDEMPOTENCY_KEY"),
            ["env"] = new JsonObject { ["BATON_IDEMPOTENCY_KEY"] = "forged" },
        });

        var outcome = await _executor.ExecuteAsync(context, CancellationToken.None).Within("running printenv");

        outcome.Output!["stdout"]!.GetValue<string>().Should().Be(context.IdempotencyKey + "\n");
    }

    [Fact]
    public async Task ExecuteAsync_Stdin_WrittenThenClosed()
    {
        var outcome = await Execute(new JsonObject { ["command"] = "cat", ["stdin"] = "line one\nlïne two" });

        outcome.Output!["stdout"]!.GetValue<string>().Should().Be("line one\nlïne two");
    }

    [Fact]
    public async Task ExecuteAsync_NoStdin_ClosesItSoReadersSeeTheEnd()
    {
        var outcome = await Execute(new JsonObject { ["command"] = "cat" });

        outcome.Output!["stdout"]!.GetValue<string>().Should().BeEmpty();
        outcome.Output["json"].Should().BeNull();
    }

    [Fact]
    public async Task ExecuteAsync_ObjectStdin_WrittenAsJson()
    {
        var outcome = await Execute(new JsonObject { ["command"] = "cat", ["stdin"] = new JsonObject { ["client"] = "acme" } });

        outcome.Output!["stdout"]!.GetValue<string>().Should().Be("""{"client":"acme"}""");
    }

    [Fact]
    public async Task ExecuteAsync_JsonStdout_ParsedIntoJson()
    {
        var outcome = await Execute(new JsonObject { ["command"] = "printf", ["args"] = new JsonArray("""{"ids": [1, 2], "ok": true}""" + "\n") });

        JsonNode.DeepEquals(outcome.Output!["json"], JsonNode.Parse("""{"ids":[1,2],"ok":true}""")).Should().BeTrue();
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"a": 1, "a": 2}""")]
    [InlineData("""{"a": "\ud800"}""")]
    [InlineData("""{"\udc00": 1}""")]
    [InlineData("{\"a\": 1} trailing")]
    public async Task ExecuteAsync_NonJsonStdout_JsonIsNull(string stdout)
    {
        var outcome = await Execute(new JsonObject { ["command"] = "printf", ["args"] = new JsonArray("%s", stdout) });

        outcome.Output!["stdout"]!.GetValue<string>().Should().Be(stdout);
        outcome.Output["json"].Should().BeNull();
    }

    [Fact]
    public async Task ExecuteAsync_Stderr_CapturedSeparately()
    {
        var outcome = await Execute(new JsonObject { ["command"] = "/bin/sh", ["args"] = new JsonArray("-c", "echo out; echo warn >&2") });

        outcome.Output!["stdout"]!.GetValue<string>().Should().Be("out\n");
        outcome.Output["stderr"]!.GetValue<string>().Should().Be("warn\n");
        outcome.Output.AsObject().Should().NotContainKey("stdoutTruncated").And.NotContainKey("stderrTruncated");
    }

    [Fact]
    public async Task ExecuteAsync_NonZeroExit_FailsRetryableWithExitCodeAndStderrTail()
    {
        // 200 KiB of noise on stderr, then the line that explains the failure; the capture limit is far smaller.
        _dir.WriteScript("fail.sh", """
            head -c 204800 /dev/zero | tr '\0' 'n' >&2
            echo >&2
            echo 'fatal: disk full' >&2
            exit 3
            """);

        var outcome = await Execute(new JsonObject { ["command"] = "./fail.sh", ["max-output-bytes"] = 100 });

        outcome.Error!.Code.Should().Be("run.exit-code");
        outcome.Error.Retryable.Should().BeTrue();
        outcome.Error.Message.Should().Be("The command './fail.sh' exited with code 3: fatal: disk full");
        outcome.Error.Details!["exitCode"]!.GetValue<int>().Should().Be(3);
        var tail = outcome.Error.Details["stderr"]!.GetValue<string>();
        tail.Should().HaveLength(1024).And.EndWith("nnn\nfatal: disk full\n");
    }

    [Fact]
    public async Task ExecuteAsync_NonZeroExitReportedOnStdout_QuotesStdoutInTheErrorAndItsDetails()
    {
        var outcome = await Execute(new JsonObject { ["command"] = "/bin/sh", ["args"] = new JsonArray("-c", "echo 'checking'; echo 'ERROR: quota exceeded'; exit 4") });

        outcome.Error!.Code.Should().Be("run.exit-code");
        outcome.Error.Message.Should().Be("The command '/bin/sh' exited with code 4, with nothing on stderr; stdout ended with: ERROR: quota exceeded");
        outcome.Error.Details!["stdout"]!.GetValue<string>().Should().Be("checking\nERROR: quota exceeded\n");
        outcome.Error.Details["stderr"]!.GetValue<string>().Should().BeEmpty();
    }

    [Fact]
    public async Task ExecuteAsync_NonZeroExitWithoutStderr_SaysSo()
    {
        var outcome = await Execute(new JsonObject { ["command"] = "/bin/sh", ["args"] = new JsonArray("-c", "exit 7") });

        outcome.Error!.Message.Should().Be("The command '/bin/sh' exited with code 7 and wrote nothing to stderr.");
        outcome.Error.Details!["stderr"]!.GetValue<string>().Should().BeEmpty();
    }

    [Fact]
    public async Task ExecuteAsync_NonZeroExitWithSecretOnStderr_MasksMessageAndDetails()
    {
        var context = new TestStepContext(new JsonObject
        {
            ["command"] = "/bin/sh",
            ["args"] = new JsonArray("-c", "echo \"token $TOKEN rejected\" >&2; exit 1"),
            ["env"] = new JsonObject { ["TOKEN"] = "s3cr3t-value" },
        })
        {
            Secrets = ["s3cr3t-value"],
            WorkingDirectoryPath = _dir.Path,
        };

        var outcome = await _executor.ExecuteAsync(context, CancellationToken.None).Within("running the failing command");

        outcome.Error!.Message.Should().EndWith(": token *** rejected");
        outcome.Error.Details!["stderr"]!.GetValue<string>().Should().Be("token *** rejected\n");
    }

    [Fact]
    public async Task ExecuteAsync_SeveralMibOnBothStreams_TruncatesEachWithoutDeadlock()
    {
        // stderr is written first and fills its pipe: reading the streams one after the other would deadlock.
        _dir.WriteScript("noisy.sh", """
            head -c 3145728 /dev/zero | tr '\0' 'e' >&2
            head -c 5242880 /dev/zero | tr '\0' 'o'
            echo finished >&2
            """);

        var outcome = await Execute(new JsonObject { ["command"] = "./noisy.sh", ["max-output-bytes"] = 65536 });

        outcome.Error.Should().BeNull();
        var output = outcome.Output!.AsObject();
        output["stdout"]!.GetValue<string>().Should().HaveLength(65536).And.MatchRegex("^o+$");
        output["stderr"]!.GetValue<string>().Should().HaveLength(65536).And.MatchRegex("^e+$");
        output["stdoutTruncated"]!.GetValue<bool>().Should().BeTrue();
        output["stderrTruncated"]!.GetValue<bool>().Should().BeTrue();
        output["json"].Should().BeNull();
    }

    [Fact]
    public async Task ExecuteAsync_TruncatedJsonStdout_JsonIsNullRatherThanAPrefix()
    {
        var outcome = await Execute(new JsonObject { ["command"] = "printf", ["args"] = new JsonArray("123456"), ["max-output-bytes"] = 3 });

        outcome.Output!["stdout"]!.GetValue<string>().Should().Be("123");
        outcome.Output["json"].Should().BeNull();
    }

    [Fact]
    public async Task ExecuteAsync_RelativeCommand_ResolvedAgainstWorkingDirectory()
    {
        _dir.WriteScript("scripts/where.sh", "pwd -P");
        Directory.CreateDirectory(Path.Combine(_dir.Path, "data"));

        var outcome = await Execute(new JsonObject { ["command"] = "./scripts/where.sh", ["working-dir"] = "data" });

        outcome.Error.Should().BeNull();
        outcome.Output!["stdout"]!.GetValue<string>().Should().Be(Path.Combine(_dir.Path, "data") + "\n");
    }

    [Fact]
    public async Task ExecuteAsync_NoWorkingDir_RunsInTheWorkflowDirectory()
    {
        var outcome = await Execute(new JsonObject { ["command"] = "pwd", ["args"] = new JsonArray("-P") });

        outcome.Output!["stdout"]!.GetValue<string>().Should().Be(_dir.Path + "\n");
    }

    [Fact]
    public async Task ExecuteAsync_CommandNotOnPath_FailsRunStartNotRetryable()
    {
        var outcome = await Execute(new JsonObject { ["command"] = "baton-no-such-command-x7" });

        outcome.Error!.Code.Should().Be("run.start");
        outcome.Error.Retryable.Should().BeFalse();
        outcome.Error.Message.Should().Be("The command 'baton-no-such-command-x7' was not found on PATH.");
    }

    [Fact]
    public async Task ExecuteAsync_NameOnlyInWorkingDirectory_IsNotRun()
    {
        // A bare name means a program on PATH, never a file that happens to sit in the current directory.
        _dir.WriteScript("local-tool", "echo ran");

        var outcome = await Execute(new JsonObject { ["command"] = "local-tool", ["env"] = new JsonObject { ["PATH"] = "/usr/bin:/bin" } });

        outcome.Error!.Code.Should().Be("run.start");
    }

    [Fact]
    public async Task ExecuteAsync_StepEnvPath_UsedForLookup()
    {
        _dir.WriteScript("tools/hello-tool", "echo hello from tool");

        var outcome = await Execute(new JsonObject
        {
            ["command"] = "hello-tool",
            ["env"] = new JsonObject { ["PATH"] = $"{Path.Combine(_dir.Path, "tools")}:/usr/bin:/bin" },
        });

        outcome.Output!["stdout"]!.GetValue<string>().Should().Be("hello from tool\n");
    }

    [Fact]
    public async Task ExecuteAsync_MissingRelativeCommand_FailsRunStartNamingResolvedPath()
    {
        var outcome = await Execute(new JsonObject { ["command"] = "./missing.sh" });

        outcome.Error!.Code.Should().Be("run.start");
        outcome.Error.Message.Should().Be($"The command './missing.sh' (resolved to '{Path.Combine(_dir.Path, "missing.sh")}') does not exist.");
    }

    [Fact]
    public async Task ExecuteAsync_FileNotExecutable_FailsRunStartNamingResolvedPath()
    {
        var path = _dir.WriteFile("notes.txt", "echo hi\n");

        var outcome = await Execute(new JsonObject { ["command"] = "./notes.txt" });

        outcome.Error!.Code.Should().Be("run.start");
        outcome.Error.Retryable.Should().BeFalse();
        outcome.Error.Message.Should().StartWith($"The command './notes.txt' (resolved to '{path}') could not be started:");
    }

    [Fact]
    public async Task ExecuteAsync_MissingWorkingDir_FailsRunStart()
    {
        var outcome = await Execute(new JsonObject { ["command"] = "pwd", ["working-dir"] = "nowhere" });

        outcome.Error!.Code.Should().Be("run.start");
        outcome.Error.Message.Should().Be($"The working directory 'nowhere' (resolved to '{Path.Combine(_dir.Path, "nowhere")}') does not exist.");
    }

    private Task<StepOutcome> Execute(JsonObject config)
        => _executor.ExecuteAsync(new TestStepContext(config) { WorkingDirectoryPath = _dir.Path }, CancellationToken.None).Within("running the process");
}
