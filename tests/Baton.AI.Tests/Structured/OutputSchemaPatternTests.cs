using System.Text.Json.Nodes;
using Baton.AI.Structured;
using Baton.AI.Tests.Scripted;
using Microsoft.Extensions.AI;

namespace Baton.AI.Tests.Structured;

/// <summary>An answer checked against an output schema whose pattern backtracks without end is sent back with the time-limit error, never a hang.</summary>
public sealed class OutputSchemaPatternTests
{
    private static readonly JsonObject Schema = (JsonObject)JsonNode.Parse("""
        { "type": "object", "required": ["code"], "properties": { "code": { "type": "string", "pattern": "^(\\w+)+$" } } }
        """)!;

    [Fact]
    public async Task GetAsync_AnswerAgainstCatastrophicPattern_SendsTheTimeLimitErrorBack()
    {
        var slow = new string('a', 40) + "!";
        var client = Scripts.Client($$"""
            responses:
              - text: '{"code": "{{slow}}"}'
              - text: '{"code": "abc"}'
            """);
        var sent = new List<IReadOnlyList<ChatMessage>>();

        var result = await StructuredOutput.GetAsync(
            (_, messages, options, ct) =>
            {
                sent.Add(messages);
                return client.GetResponseAsync(messages, options, ct);
            },
            [Scripts.User("Code?")],
            new ChatOptions(),
            Schema,
            1,
            CancellationToken.None);

        result.Repairs.Should().Be(1);
        result.Value!["code"]!.GetValue<string>().Should().Be("abc");
        sent[1][^1].Text.Should().Be(
            "Your answer does not match the required JSON schema:\n"
            + @"- code: could not be checked: matching it against the pattern '^(\w+)+$' took too long (over 100 ms); simplify the pattern"
            + "\nAnswer again with only the corrected JSON.");
    }
}
