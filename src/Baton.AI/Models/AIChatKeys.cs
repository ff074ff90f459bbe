namespace Baton.AI.Models;

/// <summary>Keys Baton uses in <c>ChatOptions.AdditionalProperties</c> and <c>ChatResponse.AdditionalProperties</c>.</summary>
public static class AIChatKeys
{
    /// <summary>Options: <c>true</c> asks for token log-probabilities. Providers that cannot give them ignore it.</summary>
    public const string RequestLogProbs = "baton.logprobs";

    /// <summary>Options: how many top alternatives per token to return (int); default 5.</summary>
    public const string TopLogProbs = "baton.top_logprobs";

    /// <summary>Response: an <c>IReadOnlyList&lt;TokenLogProb&gt;</c> for the answer's tokens, in order.</summary>
    public const string LogProbs = "baton.logprobs";

    /// <summary>Response: the provider name that answered (<c>openai</c>, <c>scripted</c>, ...).</summary>
    public const string Provider = "baton.provider";
}
