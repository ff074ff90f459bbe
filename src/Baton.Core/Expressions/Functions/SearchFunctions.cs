using Baton.Expressions.Runtime;

namespace Baton.Expressions.Functions;

/// <summary><c>contains</c> and <c>indexOf</c>, which look into strings, lists and (for <c>contains</c>) mapping keys.</summary>
internal static class SearchFunctions
{
    public static Value Contains(Arguments args)
    {
        var haystack = args[0];
        return haystack.Kind switch
        {
            ValueKind.Null => Value.False,
            ValueKind.String => Value.Boolean(haystack.GetString().Contains(args.String(1), StringComparison.Ordinal)),
            ValueKind.List => Value.Boolean(IndexIn(haystack, args[1]) >= 0),
            ValueKind.Mapping => Value.Boolean(haystack.GetMapping().ContainsKey(args.String(1))),
            _ => throw args.WrongKind(0, "a string, a list or a mapping"),
        };
    }

    public static Value IndexOf(Arguments args)
    {
        var haystack = args[0];
        return haystack.Kind switch
        {
            ValueKind.Null => Value.Number(-1),
            ValueKind.String => Value.Number(haystack.GetString().IndexOf(args.String(1), StringComparison.Ordinal)),
            ValueKind.List => Value.Number(IndexIn(haystack, args[1])),
            _ => throw args.WrongKind(0, "a string or a list"),
        };
    }

    private static int IndexIn(in Value list, in Value needle)
    {
        var items = list.GetList();
        for (var i = 0; i < items.Count; i++)
        {
            if (ValueEquality.AreEqual(Value.FromNode(items[i], borrowed: true), needle))
            {
                return i;
            }
        }

        return -1;
    }
}
