using System.Text.Json.Nodes;
using Baton.Expressions.Nodes;
using Baton.Expressions.Runtime;

namespace Baton.Expressions.Functions;

/// <summary><c>distinct</c>, <c>reverse</c>, <c>sort</c>, <c>flatten</c>. Each returns a new list; a null list reads as empty.</summary>
internal static class ListFunctions
{
    public static Value Distinct(Arguments args)
    {
        var result = new JsonArray();
        if (args.List(0) is { } list)
        {
            var seen = new HashSet<Value>(ValueEquality.Instance);
            foreach (var item in list)
            {
                if (seen.Add(Value.FromNode(item, borrowed: true)))
                {
                    result.Add(item?.DeepClone());
                }
            }
        }

        return Value.Owned(result);
    }

    public static Value Reverse(Arguments args)
    {
        var result = new JsonArray();
        if (args.List(0) is { } list)
        {
            for (var i = list.Count - 1; i >= 0; i--)
            {
                result.Add(list[i]?.DeepClone());
            }
        }

        return Value.Owned(result);
    }

    public static Value Sort(Arguments args)
    {
        var result = new JsonArray();
        if (args.List(0) is not { Count: > 0 } list)
        {
            return Value.Owned(result);
        }

        var items = new Value[list.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = Value.FromNode(list[i], borrowed: true);
            if (items[i].Kind is not (ValueKind.Number or ValueKind.String) || items[i].Kind != items[0].Kind)
            {
                throw args.Fail($"sorts numbers or strings, but the list holds {ValueKinds.Describe(items[0].Kind)} and {ValueKinds.Describe(items[i].Kind)}");
            }
        }

        // OrderBy is stable, so that equal items keep their order.
        foreach (var item in items.OrderBy(item => item, Comparer<Value>.Create((a, b) => ComparisonNode.Compare(a, b))))
        {
            result.Add(item.ToChild());
        }

        return Value.Owned(result);
    }

    public static Value Flatten(Arguments args)
    {
        var result = new JsonArray();
        if (args.List(0) is { } list)
        {
            foreach (var item in list)
            {
                if (item is JsonArray inner)
                {
                    foreach (var innerItem in inner)
                    {
                        result.Add(innerItem?.DeepClone());
                    }
                }
                else
                {
                    result.Add(item?.DeepClone());
                }
            }
        }

        return Value.Owned(result);
    }
}
