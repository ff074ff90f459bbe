using Baton.AI.Models;
using Microsoft.Extensions.AI;
using static Baton.AI.Tests.Scripted.Scripts;

namespace Baton.AI.Tests.Scripted;

public sealed class ScriptedSelectionTests
{
    private const string Triage = """
        responses:
          - when: refund
            text: billing
          - when: /crash(es|ed)?/
            text: bug
          - text: other
          - text: second answer
        """;

    [Theory]
    [InlineData("I want a REFUND for order 7", "billing")]
    [InlineData("The app crashed on start", "bug")]
    [InlineData("How do I change my e-mail?", "other")]
    public async Task GetResponseAsync_FirstCall_TakesTheFirstResponseWhoseWhenMatches(string ticket, string expected)
    {
        var response = await Client(Triage).GetResponseAsync([User(ticket)]);

        response.Text.Should().Be(expected);
    }

    [Fact]
    public async Task GetResponseAsync_AfterAssistantMessages_TakesTheNthMatchingResponse()
    {
        var client = Client(Triage);

        var second = await client.GetResponseAsync([User("refund please"), Assistant("billing"), User("are you sure?")]);
        var third = await client.GetResponseAsync([User("refund please"), Assistant("billing"), User("sure?"), Assistant("other"), User("really?")]);

        second.Text.Should().Be("other");
        second.ResponseId.Should().Be("scripted-2");
        third.Text.Should().Be("second answer");
        third.ResponseId.Should().Be("scripted-3");
    }

    [Fact]
    public async Task GetResponseAsync_SameConversationTwice_GivesTheSameAnswer()
    {
        var client = Client(Triage);
        ChatMessage[] conversation = [User("refund please")];

        var first = await client.GetResponseAsync(conversation);
        var again = await client.GetResponseAsync(conversation);

        again.Text.Should().Be(first.Text).And.Be("billing");
        again.ResponseId.Should().Be(first.ResponseId);
    }

    [Fact]
    public async Task GetResponseAsync_WhenLooksAtSystemInstructionsAndToolResults()
    {
        var client = Client("""
            responses:
              - when: You are a triage bot
                text: from the system message
              - when: KB-42
                text: from the tool result
              - when: house style
                text: from the instructions
            """);

        (await client.GetResponseAsync([new ChatMessage(ChatRole.System, "You are a triage bot."), User("hi")])).Text
            .Should().Be("from the system message");
        var toolResult = new ChatMessage(ChatRole.Tool, [new FunctionResultContent("call_1_1", new Dictionary<string, object?> { ["article"] = "KB-42" })]);
        (await client.GetResponseAsync([User("hi"), toolResult])).Text.Should().Be("from the tool result");
        (await client.GetResponseAsync([User("hi")], new ChatOptions { Instructions = "Follow the house style." })).Text
            .Should().Be("from the instructions");
    }

    [Theory]
    [InlineData("{\"hits\": [\"KB-42: Resetting a password\"]}", "Follow the steps in KB-42 to reset your password.")]
    [InlineData("No results for 'reset password'", "I found no article; a colleague will follow up.")]
    public async Task GetResponseAsync_AgentScriptOfTheDocs_AnswersTheSecondTurnByTheToolResult(string toolResult, string expected)
    {
        var client = Client("""
            responses:
              - tool-calls:
                  - { name: kb_search, arguments: { query: reset password } }
              - when: KB-42
                text: Follow the steps in KB-42 to reset your password.
              - when: /(?i)no results/
                text: I found no article; a colleague will follow up.
            """);
        List<ChatMessage> conversation = [User("Help me reset my password.")];

        var turn1 = await client.GetResponseAsync(conversation);
        conversation.AddRange(turn1.Messages);
        var call = turn1.Messages.Single().Contents.OfType<FunctionCallContent>().Single();
        conversation.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(call.CallId, toolResult)]));
        var turn2 = await client.GetResponseAsync(conversation);

        call.Name.Should().Be("kb_search");
        turn2.Text.Should().Be(expected);
        turn2.FinishReason.Should().Be(ChatFinishReason.Stop);
    }

    [Fact]
    public async Task GetResponseAsync_NoResponseLeft_FailsWithScriptExhausted()
    {
        var client = Client(Triage);

        var act = () => client.GetResponseAsync([User("refund"), Assistant("billing"), User("a"), Assistant("other"), User("b"), Assistant("second answer"), User("c")]);

        var error = (await act.Should().ThrowAsync<ModelCallException>()).Which;
        error.Code.Should().Be(AIErrorCodes.ScriptExhausted);
        error.IsTransient.Should().BeFalse();
        error.Message.Should().Be(
            "The script 'scripted/test.yaml' has no response for this call: with 3 assistant messages in the conversation it takes the "
            + "4th response that matches, but only 3 of its 4 responses match. Add responses to the script, or check their 'when'.");
    }

    [Fact]
    public async Task GetResponseAsync_RegexThatRunsAway_FailsAfterItsTimeLimit()
    {
        var client = Client("""
            responses:
              - when: /^(\w+\s?)*$/
                text: never
            """);
        var text = string.Join(' ', Enumerable.Repeat("word", 40)) + "!";

        var act = () => client.GetResponseAsync([User(text)]);

        var error = (await act.Should().ThrowAsync<ModelCallException>()).Which;
        error.Code.Should().Be(AIErrorCodes.Configuration);
        error.Message.Should().Be("scripted/test.yaml:2:11: the regex of 'when' took longer than 100 ms on this conversation; make it simpler.");
    }
}
