using Baton.Steps;

namespace Baton.Core.Tests.Steps;

public sealed class RunStepConfigTests
{
    private readonly RunStepExecutor _executor = new();

    [Theory]
    [InlineData("[]", "run must be a mapping, not a list.")]
    [InlineData("{}", "run.command is required.")]
    [InlineData("""{"command": ""}""", "run.command must not be empty.")]
    [InlineData("""{"command": ["ls"]}""", "run.command must be a string, not a list.")]
    [InlineData("""{"command": "ls", "args": "-l -a"}""", "run.args must be a list, not a string.")]
    [InlineData("""{"command": "ls", "args": ["-l", {"a": 1}]}""", "run.args[1] must be a string, not a mapping.")]
    [InlineData("""{"command": "ls", "args": [null]}""", "run.args[0] must be a string, not null.")]
    [InlineData("""{"command": "ls", "args": ["a\u0000b"]}""", "run.args[0] must not contain NUL characters.")]
    [InlineData("""{"command": "ls", "env": ["A=1"]}""", "run.env must be a mapping, not a list.")]
    [InlineData("""{"command": "ls", "env": {"A": [1]}}""", "run.env.A must be a string, not a list.")]
    [InlineData("""{"command": "ls", "env": {"A=B": "1"}}""", "run.env has an invalid variable name 'A=B'")]
    [InlineData("""{"command": "ls", "working-dir": 5}""", "run.working-dir must be a string, not a number.")]
    [InlineData("""{"command": "ls", "max-output-bytes": -1}""", "run.max-output-bytes must be an integer from 1 to 1073741824, not '-1'.")]
    [InlineData("""{"command": "ls", "max-output-bytes": 1.5}""", "run.max-output-bytes must be an integer from 1 to 1073741824, not '1.5'.")]
    [InlineData("""{"command": "ls", "shell": true}""", "run.shell is not a known key; use one of: command, args, env, working-dir, stdin, max-output-bytes.")]
    public async Task ExecuteAsync_InvalidRenderedConfig_FailsConfigInvalidNamingTheField(string configJson, string expectedMessage)
    {
        var outcome = await _executor.ExecuteAsync(TestStepContext.For(configJson), CancellationToken.None);

        outcome.Error!.Code.Should().Be("config.invalid");
        outcome.Error.Retryable.Should().BeFalse();
        outcome.Error.Message.Should().StartWith(expectedMessage);
    }
}
