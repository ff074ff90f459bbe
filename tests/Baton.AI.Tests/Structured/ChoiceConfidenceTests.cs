using Baton.AI.Models;
using Baton.AI.Structured;

namespace Baton.AI.Tests.Structured;

public sealed class ChoiceConfidenceTests
{
    private static readonly string[] Choices = ["billing", "bug", "bug-report", "feature-request", "other"];

    [Fact]
    public void FromLogProbs_OneTokenLabel_IsTheTokensProbability()
    {
        var (choice, confidence) = ChoiceConfidence.FromLogProbs("billing", [Token("billing", -0.05)], Choices);

        choice.Should().Be("billing");
        confidence.Should().BeApproximately(Math.Exp(-0.05), 1e-12);
    }

    [Fact]
    public void FromLogProbs_MultiTokenLabel_MultipliesTheTokensProbabilities()
    {
        var (choice, confidence) = ChoiceConfidence.FromLogProbs(
            "feature-request", [Token("feature", -0.1), Token("-", -0.01), Token("request", -0.2)], Choices);

        choice.Should().Be("feature-request");
        confidence.Should().BeApproximately(Math.Exp(-0.31), 1e-12);
    }

    [Fact]
    public void FromLogProbs_DifferentCaseAndWhitespace_MatchesTheChoice()
    {
        var (choice, confidence) = ChoiceConfidence.FromLogProbs(" Billing\n", [Token(" Bill", -0.3), Token("ing", -0.1), Token("\n", -2)], Choices);

        choice.Should().Be("billing");
        confidence.Should().BeApproximately(Math.Exp(-0.4), 1e-12);
    }

    [Fact]
    public void FromLogProbs_AnswerStartsWithALabel_CountsOnlyTheLabelsTokens()
    {
        var (choice, confidence) = ChoiceConfidence.FromLogProbs("bug-report. It crashes.", [Token("bug", -0.5), Token("-report", -0.25), Token(".", -1), Token(" It crashes.", -3)], Choices);

        choice.Should().Be("bug-report");
        confidence.Should().BeApproximately(Math.Exp(-0.75), 1e-12);
    }

    [Theory]
    [InlineData("bugs")]
    [InlineData("a bug")]
    [InlineData("")]
    public void FromLogProbs_NoChoiceNamed_GivesNothing(string answer)
        => ChoiceConfidence.FromLogProbs(answer, [Token(answer, -0.1)], Choices).Should().Be(((string?)null, (double?)null));

    [Fact]
    public void FromLogProbs_NoLogProbs_GivesTheChoiceWithoutConfidence()
    {
        ChoiceConfidence.FromLogProbs("other", null, Choices).Should().Be(("other", (double?)null));
        ChoiceConfidence.FromLogProbs("other", [], Choices).Should().Be(("other", (double?)null));
    }

    [Fact]
    public void FromLogProbs_TokensSpellSomethingElse_GivesNoConfidence()
        => ChoiceConfidence.FromLogProbs("billing", [Token("The", -0.1), Token(" answer", -0.1)], Choices).Should().Be(("billing", (double?)null));

    [Fact]
    public void FromLogProbs_ImpossibleLogProb_IsClampedToOne()
        => ChoiceConfidence.FromLogProbs("other", [Token("other", 0.2)], Choices).Confidence.Should().Be(1.0);

    [Fact]
    public async Task FromLogProbs_ScriptedClassifyAnswer_GivesTheScriptsConfidence()
    {
        var client = Baton.AI.Tests.Scripted.Scripts.Client("""
            responses:
              - when: refund
                text: billing
                logprobs: [{ token: bill, logprob: -0.04 }, { token: ing, logprob: -0.01 }]
              - text: other
            """);
        var options = new Microsoft.Extensions.AI.ChatOptions { AdditionalProperties = new() { [AIChatKeys.RequestLogProbs] = true } };

        var response = await client.GetResponseAsync([Baton.AI.Tests.Scripted.Scripts.User("I want a refund")], options);
        var (choice, confidence) = ChoiceConfidence.FromLogProbs(
            response.Text, (IReadOnlyList<TokenLogProb>)response.AdditionalProperties![AIChatKeys.LogProbs]!, Choices);

        choice.Should().Be("billing");
        confidence.Should().BeApproximately(Math.Exp(-0.05), 1e-12);
    }

    private static TokenLogProb Token(string token, double logProb) => new(token, logProb, []);
}
