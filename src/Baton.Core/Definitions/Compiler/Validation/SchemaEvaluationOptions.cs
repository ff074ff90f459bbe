using Json.Schema;

namespace Baton.Definitions.Compiler.Validation;

/// <summary>
/// The options of one evaluation, which also carry what it ran into: the first pattern that took too long to match.
/// After it, no other pattern is matched, so that a value with many strings costs one time limit, not one per string.
/// </summary>
internal sealed class SchemaEvaluationOptions : EvaluationOptions
{
    /// <summary>The pattern that took too long, or null.</summary>
    public string? TimedOutPattern { get; private set; }

    /// <summary>For <c>patternProperties</c>: the member name it was matched against.</summary>
    public string? TimedOutName { get; private set; }

    public bool PatternsStopped => TimedOutPattern is not null;

    public void StopPatterns(string pattern, string? name)
    {
        TimedOutPattern = pattern;
        TimedOutName = name;
    }
}
