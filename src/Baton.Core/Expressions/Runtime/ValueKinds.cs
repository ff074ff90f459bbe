namespace Baton.Expressions.Runtime;

internal static class ValueKinds
{
    /// <summary>The kind with its article, for messages: "a string", "null".</summary>
    public static string Describe(ValueKind kind) => kind switch
    {
        ValueKind.Null => "null",
        ValueKind.Boolean => "a boolean",
        ValueKind.Number => "a number",
        ValueKind.String => "a string",
        ValueKind.List => "a list",
        _ => "a mapping",
    };
}
