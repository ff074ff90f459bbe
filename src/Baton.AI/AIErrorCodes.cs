namespace Baton.AI;

/// <summary>The error codes of the AI steps. Documented in docs/errors.md and docs/ai.md.</summary>
public static class AIErrorCodes
{
    /// <summary>The provider answered with something that cannot be parsed. Retryable.</summary>
    public const string MalformedResponse = "llm.malformed-response";

    /// <summary>The provider refused the request as invalid (4xx other than 408/429). Not retryable.</summary>
    public const string Rejected = "llm.rejected";

    /// <summary>The provider stayed unavailable (408, 429, 5xx, connection errors) through every retry. Retryable.</summary>
    public const string Unavailable = "llm.unavailable";

    /// <summary>A call did not finish within its timeout. Retryable.</summary>
    public const string CallTimeout = "llm.timeout";

    /// <summary>The answer did not match the output schema after every repair. Not retryable.</summary>
    public const string InvalidOutput = "llm.invalid-output";

    /// <summary>The scripted provider has no response left for a call. Not retryable.</summary>
    public const string ScriptExhausted = "llm.script-exhausted";

    /// <summary>A model alias or provider is unknown, or a key is missing. Not retryable.</summary>
    public const string Configuration = "llm.configuration";

    /// <summary>An agent called a tool that is not on its allow-list. Recorded on the tool call, not the step.</summary>
    public const string ToolNotAllowed = "tool.not-allowed";

    /// <summary>An agent's tool failed; recorded on the tool call and reported to the model.</summary>
    public const string ToolFailed = "tool.failed";

    /// <summary>An agent went over its token, dollar or time budget. Not retryable.</summary>
    public const string BudgetExceeded = "budget.exceeded";

    /// <summary>An agent used all its turns without a final answer. Not retryable.</summary>
    public const string AgentMaxIterations = "agent.max-iterations";
}
