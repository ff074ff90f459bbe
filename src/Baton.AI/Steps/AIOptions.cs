namespace Baton.AI.Steps;

/// <summary>Settings for the AI step kinds.</summary>
public sealed class AIOptions
{
    /// <summary>Whether prompts and completions go into spans. Default: false, unless <c>BATON_AI_CAPTURE_CONTENT=true</c>.</summary>
    public bool CaptureContent { get; set; } = string.Equals(Environment.GetEnvironmentVariable("BATON_AI_CAPTURE_CONTENT"), "true", StringComparison.OrdinalIgnoreCase);
}
