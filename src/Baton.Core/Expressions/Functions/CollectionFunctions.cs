using System.Text.Json.Nodes;
using Baton.Expressions.Runtime;

namespace Baton.Expressions.Functions;

/// <summary><c>coalesce</c>, <c>keys</c>, <c>values</c>, <c>first</c>, <c>last</c>, <c>slice</c>. A null list reads as empty.</summary>
internal static class CollectionFunctions
{
    public static Value Coalesce(Arguments args)
    {
        foreach (var value in args.All)
        {
            if (!value.IsNull)
            {
                return value;
            }
        }

        return Value.Null;
    }

    public static Value Keys(Arguments args)
    {
        var result = new JsonArray();
        if (args.Mapping(0) is { } mapping)
        {
            foreach (var (key, _) in mapping)
            {
                result.Add(JsonValue.Create(key));
            }
        }

        return Value.Owned(result);
    }

    public static Value Values(Arguments args)
    {
        var result = new JsonArray();
        if (args.Mapping(0) is { } mapping)
        {
            foreach (var (_, item) in mapping)
            {
                result.Add(item?.DeepClone());
            }
        }

        return Value.Owned(result);
    }

    public static Value First(Arguments args)
        => args.List(0) is { Count: > 0 } list ? Value.FromNode(list[0], borrowed: true) : Value.Null;

    public static Value Last(Arguments args)
        => args.List(0) is { Count: > 0 } list ? Value.FromNode(list[^1], borrowed: true) : Value.Null;

    public static Value Slice(Arguments args)
    {
        var source = args[0];
        switch (source.Kind)
        {
            case ValueKind.Null:
                return Value.Null;
            case ValueKind.String:
                var text = source.GetString();
                var (start, end) = Bounds(args, text.Length);
                return Value.String(text[start..end]);
            case ValueKind.List:
                var list = source.GetList();
                (start, end) = Bounds(args, list.Count);
                var result = new JsonArray();
                for (var i = start; i < end; i++)
                {
                    result.Add(list[i]?.DeepClone());
                }

                return Value.Owned(result);
            default:
                throw args.WrongKind(0, "a list or a string");
        }
    }

    // Negative positions count from the end; both ends are clamped to the sequence, and end never precedes start.
    private static (int Start, int End) Bounds(Arguments args, int length)
    {
        var start = Position(args.Integer(1), length);
        var end = args.Count > 2 && !args[2].IsNull ? Position(args.Integer(2), length) : length;
        return (start, Math.Max(start, end));
    }

    private static int Position(int index, int length) => index < 0 ? Math.Max(0, length + index) : Math.Min(index, length);
}
