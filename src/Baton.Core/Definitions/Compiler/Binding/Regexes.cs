using System.Text.RegularExpressions;
using Baton.Definitions.Compiler.Language;

namespace Baton.Definitions.Compiler.Binding;

/// <summary>Compiled forms of <see cref="Patterns"/>.</summary>
internal static partial class Regexes
{
    [GeneratedRegex(Patterns.WorkflowName, RegexOptions.CultureInvariant)]
    public static partial Regex WorkflowName();

    [GeneratedRegex(Patterns.StepId, RegexOptions.CultureInvariant)]
    public static partial Regex StepId();

    [GeneratedRegex(Patterns.VariableName, RegexOptions.CultureInvariant)]
    public static partial Regex VariableName();

    [GeneratedRegex(Patterns.EnvName, RegexOptions.CultureInvariant)]
    public static partial Regex EnvName();

    [GeneratedRegex(Patterns.EventName, RegexOptions.CultureInvariant)]
    public static partial Regex EventName();

    [GeneratedRegex(Patterns.ErrorCode, RegexOptions.CultureInvariant)]
    public static partial Regex ErrorCode();

    [GeneratedRegex(Patterns.ErrorCodePattern, RegexOptions.CultureInvariant)]
    public static partial Regex ErrorCodePattern();

    [GeneratedRegex(Patterns.Assignee, RegexOptions.CultureInvariant)]
    public static partial Regex Assignee();

    [GeneratedRegex(Patterns.StatusClass, RegexOptions.CultureInvariant)]
    public static partial Regex StatusClass();

    [GeneratedRegex(Patterns.HeaderName, RegexOptions.CultureInvariant)]
    public static partial Regex HeaderName();

    [GeneratedRegex(Patterns.ModelAlias, RegexOptions.CultureInvariant)]
    public static partial Regex ModelAlias();

    [GeneratedRegex(Patterns.ProviderName, RegexOptions.CultureInvariant)]
    public static partial Regex ProviderName();

    [GeneratedRegex(Patterns.ModelReference, RegexOptions.CultureInvariant)]
    public static partial Regex ModelReference();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    public static partial Regex IsoTime();
}
