using System.Text.Json.Nodes;
using Baton.Expressions.Runtime;

namespace Baton.Expressions.Functions;

/// <summary>
/// The evaluated arguments of one call, with typed accessors whose errors name the function and the argument.
/// A null argument reads as the empty string where a string is expected.
/// </summary>
internal readonly ref struct Arguments
{
    private readonly ReadOnlySpan<Value> _values;
    private readonly EvalScope _scope;

    public Arguments(FunctionDefinition function, ReadOnlySpan<Value> values, in EvalScope scope, object? state)
    {
        Function = function;
        _values = values;
        _scope = scope;
        State = state;
    }

    public FunctionDefinition Function { get; }

    /// <summary>What the parser prepared for this call, such as the compiled regex of a constant pattern.</summary>
    public object? State { get; }

    public int Count => _values.Length;

    public ReadOnlySpan<Value> All => _values;

    public TimeProvider TimeProvider => _scope.Context.TimeProvider;

    public Value this[int index] => _values[index];

    public EvaluationFailure Fail(string message) => new($"Function '{Function.Name}' {message}");

    public EvaluationFailure WrongKind(int index, string expected)
        => Fail($"expects {expected} as its {Ordinal(index)} argument, not {ValueKinds.Describe(_values[index].Kind)}");

    public string String(int index)
    {
        var value = _values[index];
        return value.Kind switch
        {
            ValueKind.String => value.GetString(),
            ValueKind.Null => string.Empty,
            _ => throw WrongKind(index, "a string"),
        };
    }

    public double Number(int index)
    {
        var value = _values[index];
        return value.Kind == ValueKind.Number ? value.GetNumber() : throw WrongKind(index, "a number");
    }

    /// <summary>A number as a position or count: truncated toward zero and clamped to the range of int.</summary>
    public int Integer(int index)
    {
        var number = Number(index);
        return double.IsNaN(number) ? 0 : (int)Math.Clamp(Math.Truncate(number), int.MinValue, int.MaxValue);
    }

    /// <summary>The list, or null for a null argument.</summary>
    public JsonArray? List(int index)
    {
        var value = _values[index];
        return value.Kind switch
        {
            ValueKind.List => value.GetList(),
            ValueKind.Null => null,
            _ => throw WrongKind(index, "a list"),
        };
    }

    /// <summary>The mapping, or null for a null argument.</summary>
    public JsonObject? Mapping(int index)
    {
        var value = _values[index];
        return value.Kind switch
        {
            ValueKind.Mapping => value.GetMapping(),
            ValueKind.Null => null,
            _ => throw WrongKind(index, "a mapping"),
        };
    }

    public EvaluationFailure NotFinite() => Fail("gave a result that is not a finite number");

    private static string Ordinal(int index) => index switch
    {
        0 => "first",
        1 => "second",
        2 => "third",
        3 => "fourth",
        _ => $"{index + 1}th",
    };
}
