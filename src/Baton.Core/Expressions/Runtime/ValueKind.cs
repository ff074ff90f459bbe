namespace Baton.Expressions.Runtime;

internal enum ValueKind : byte
{
    Null,
    Boolean,
    Number,
    String,
    List,
    Mapping,
}
