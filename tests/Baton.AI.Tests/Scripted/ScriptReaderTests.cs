using Baton.AI.Models;
using Baton.AI.Scripted;
using Baton.AI.Tests.Models;

namespace Baton.AI.Tests.Scripted;

public sealed class ScriptReaderTests
{
    [Theory]
    [InlineData("", "scripted/test.yaml:1:1: The script is empty; it needs 'responses:', a list of responses (see docs/ai.md).")]
    [InlineData("# nothing yet\n", "scripted/test.yaml:1:1: The script is empty; it needs 'responses:', a list of responses (see docs/ai.md).")]
    [InlineData("- text: hi\n", "scripted/test.yaml:1:1: The script must be a mapping with 'responses', not a list.")]
    [InlineData("replies:\n  - text: hi\n", "scripted/test.yaml:1:1: 'replies' is not a key here; use 'responses'.")]
    [InlineData("responses: hi\n", "scripted/test.yaml:1:12: 'responses' must be a list of responses, not a string.")]
    [InlineData("responses: []\n", "scripted/test.yaml:1:12: 'responses' is empty; a script needs at least one response.")]
    [InlineData("responses:\n  - txt: hi\n", "scripted/test.yaml:2:5: 'txt' is not a key here; use 'when', 'text', 'tool-calls', 'logprobs', 'usage', 'finish-reason', 'model'. Did you mean 'text'?")]
    [InlineData("responses:\n  - when: refund\n", "scripted/test.yaml:2:5: A response needs 'text', 'tool-calls' or both.")]
    [InlineData("responses:\n  - text: ~\n", "scripted/test.yaml:2:11: 'text' must be text, not null.")]
    [InlineData("responses:\n  - when: ''\n    text: hi\n", "scripted/test.yaml:2:11: 'when' is empty; remove it to match any conversation, or give text to look for.")]
    [InlineData("responses:\n  - when: /re(fund/\n    text: hi\n", "scripted/test.yaml:2:11: 'when' is the regex /re(fund/, which does not parse: Invalid pattern 're(fund' at offset 7. Not enough )'s.")]
    [InlineData("responses:\n  - tool-calls: [{ arguments: {} }]\n", "scripted/test.yaml:2:18: A tool call needs 'name', the tool to call.")]
    [InlineData("responses:\n  - tool-calls: [{ name: x, arguments: [1] }]\n", "scripted/test.yaml:2:40: 'arguments' must be a mapping of argument names to values, not a list.")]
    [InlineData("responses:\n  - tool-calls: { name: x }\n", "scripted/test.yaml:2:17: 'tool-calls' must be a list, not a mapping.")]
    [InlineData("responses:\n  - text: a\n    logprobs: [{ token: a, logprob: high }]\n", "scripted/test.yaml:3:37: 'logprob' must be a number of 0 or less (a natural log of a probability), not 'high'.")]
    [InlineData("responses:\n  - text: a\n    logprobs: [{ token: a, logprob: 0.5 }]\n", "scripted/test.yaml:3:37: 'logprob' must be a number of 0 or less (a natural log of a probability), not 0.5.")]
    [InlineData("responses:\n  - text: a\n    logprobs: [{ logprob: -1 }]\n", "scripted/test.yaml:3:16: A log-probability needs 'token', the text of the token.")]
    [InlineData("responses:\n  - text: a\n    usage: { input: -3 }\n", "scripted/test.yaml:3:21: 'input' must be a whole number of tokens, 0 or more, not -3.")]
    [InlineData("responses:\n  - text: a\n    usage: { inputs: 3 }\n", "scripted/test.yaml:3:14: 'inputs' is not a key here; use 'input', 'output'. Did you mean 'input'?")]
    [InlineData("responses:\n  - text: a\n  - text: b\n    text: c\n", "scripted/test.yaml:4:5: The key 'text' appears twice in this mapping; the first is at line 3. Remove one of them.")]
    [InlineData("responses:\n  - text: [a\n", "scripted/test.yaml:3:1: The YAML is malformed: while parsing a flow sequence, did not find expected ',' or ']'.")]
    [InlineData("responses:\n  - text: a\n---\nresponses: []\n", "scripted/test.yaml:3:1: A script holds one YAML document; remove this '---' and what follows it.")]
    public void CreateClient_InvalidScript_ExplainsWhereAndWhy(string script, string expected)
    {
        var act = () => Scripts.Client(script);

        act.Should().Throw<ModelConfigurationException>().Which.Message.Should().Be(expected);
    }

    [Fact]
    public void CreateClient_NoScript_SaysHowToGiveOne()
    {
        var settings = new ModelSettings { Model = new ModelReference("scripted", "triage") };

        var act = () => new ScriptedModelProvider().CreateClient(settings, TestCredentials.None);

        act.Should().Throw<ModelConfigurationException>()
            .WithMessage("The model 'scripted/triage' has no script: a scripted model needs an alias with 'script:' (see docs/ai.md).");
    }
}
