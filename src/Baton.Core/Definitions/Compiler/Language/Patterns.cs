namespace Baton.Definitions.Compiler.Language;

/// <summary>The regular expressions of the language's names, shared by the compiler and the JSON Schema it publishes.</summary>
internal static class Patterns
{
    public const string WorkflowName = "^[A-Za-z][A-Za-z0-9_.-]*$";
    public const string StepId = "^[A-Za-z_][A-Za-z0-9_-]*$";
    public const string VariableName = "^[A-Za-z_][A-Za-z0-9_-]*$";
    public const string EnvName = "^[A-Za-z_][A-Za-z0-9_]*$";
    public const string EventName = "^[A-Za-z0-9_][A-Za-z0-9_.:-]*$";
    public const string ErrorCode = "^[A-Za-z0-9_][A-Za-z0-9_.-]*$";
    public const string ErrorCodePattern = "^[A-Za-z0-9_*][A-Za-z0-9_.*-]*$";
    public const string Assignee = "^(role|user):[^\\s:]+$";
    public const string Duration = "^\\s*([0-9.]+(ms|s|m|h|d))+\\s*$";
    public const string StatusClass = "^[1-5]xx$";
    public const string HasExpression = "\\$\\{\\{";
    public const string HeaderName = "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$";
    public const string ModelAlias = "^[A-Za-z][A-Za-z0-9_.-]*$";
    public const string ProviderName = "^[a-z][a-z0-9_.-]*$";

    /// <summary><c>provider/model</c>: a lower-case provider name, then a model name that may itself hold '/', ':' and '@'.</summary>
    public const string ModelReference = "^[a-z][a-z0-9_.-]*/[A-Za-z0-9][A-Za-z0-9_.:@+/-]*$";

    /// <summary>The start of an absolute http or https URL, in any case (the compiler checks the rest).</summary>
    public const string HttpUrl = "^[Hh][Tt][Tt][Pp][Ss]?://";
}
